import {
  aDecisionRecord,
  accepted,
  anIndividualApplication,
  APPLICATION_ID,
  documentsRequested,
  drafted,
  reviewedHistory,
  reviewerAssigned,
  submitted,
} from '../../application/application.fixtures';
import { meta } from '../../application/fixtures';
import { ApplicationCommand } from '../../application/application-commands';
import { applicationDecider } from '../../application/application-decider';
import { ApplicationEvent } from '../../application/application-events';
import { ExporterCommand } from '../../exporter/exporter-commands';
import { exporterDecider } from '../../exporter/exporter-decider';
import { ExporterEvent } from '../../exporter/exporter-events';
import { certified, EXPORTER_ID, qualified, registered } from '../../exporter/exporter.fixtures';
import { LicenseCommand } from '../../license/license-commands';
import { licenseDecider } from '../../license/license-decider';
import { LicenseEvent } from '../../license/license-events';
import {
  amendmentRequested,
  amendmentReviewerAssigned,
  approvedApplicationFacts,
  issued,
  LICENSE_ID,
  reviewedAmendmentHistory,
  shipped,
  suspended,
} from '../../license/license.fixtures';
import { ControlMeasureCommand } from '../../policy/measure-commands';
import { controlMeasureDecider } from '../../policy/measure-decider';
import { ControlMeasureEvent } from '../../policy/measure-events';
import {
  holmiumProvision,
  metadata,
  published,
  repealed,
  suspended as measureSuspended,
} from '../../policy/testing/measure-fixtures';
import { announcementDecider } from '../../policy/announcement/announcement-decider';
import {
  announcementRecorded,
  appliedOutcome,
  extendNo57,
  recordAnnouncement,
  recordOutcome,
} from '../../policy/testing/announcement-fixtures';
import { ParkedEventCommand } from '../../ops/parked-event-commands';
import { parkedEventDecider } from '../../ops/parked-event-decider';
import { Decider, fold } from '../../shared/decider';
import { Role } from '../../shared/metadata';
import { CommandType } from '../permissions';

/**
 * For every command type: the real decider, a history and a command that it
 * accepts from an allowed role. Sent by another role, the only reason left
 * to refuse it is the role, which is what the permissions spec checks.
 */
type Run = (role: Role) => unknown[];

function runner<C, E, S>(decider: Decider<C, E, S>) {
  return (history: readonly E[], command: (role: Role) => C): Run =>
    (role) =>
      decider.decide(command(role), fold(decider, history));
}

const application = runner(applicationDecider);
const license = runner(licenseDecider);
const exporter = runner(exporterDecider);
const measure = runner(controlMeasureDecider);
const parkedEvent = runner(parkedEventDecider);
const announcement = runner(announcementDecider);

const app =
  (type: ApplicationCommand['type'], data: object, at = '2026-01-05') =>
  (role: Role) =>
    ({
      type,
      data: { applicationId: APPLICATION_ID, ...data },
      metadata: meta({ at, actor: role }),
    }) as ApplicationCommand;
const lic =
  (type: LicenseCommand['type'], data: object, at = '2026-03-01') =>
  (role: Role) =>
    ({ type, data: { licenseId: LICENSE_ID, ...data }, metadata: meta({ at, actor: role }) }) as LicenseCommand;
const exp = (type: ExporterCommand['type'], data: object) => (role: Role) =>
  ({ type, data: { exporterId: EXPORTER_ID, ...data }, metadata: meta({ actor: role }) }) as ExporterCommand;
const pol = (type: ControlMeasureCommand['type'], data: object) => (role: Role) =>
  ({ type, data: { measureId: published.data.measureId, ...data }, metadata: metadata(role) }) as ControlMeasureCommand;

const open: ApplicationEvent[] = [drafted(), submitted()];
const underReview: ApplicationEvent[] = [...open, accepted];
const live: LicenseEvent[] = [issued()];
const registeredExporter: ExporterEvent[] = [registered()];
const publishedMeasure: ControlMeasureEvent[] = [published];
const suspension = { suspensionId: 'no-70-2025', orderedBy: 'no-70-2025' };
const parked = {
  where: 'license-state',
  position: '42',
  eventId: 'e-42',
  streamId: 'application-a-1',
  eventType: 'ApplicationDrafted',
  error: 'does not match the domain schema',
  attempts: 5,
};
const ops = (type: ParkedEventCommand['type'], data: object) => (role: Role) =>
  ({
    type,
    data: { parkedEventId: 'license-state:42', parked, ...data },
    metadata: meta({ actor: role }),
  }) as ParkedEventCommand;

export const acceptableCommands: Record<CommandType, Run> = {
  DraftApplication: application([], app('DraftApplication', { application: anIndividualApplication() })),
  ReviseDraft: application(
    [drafted()],
    app('ReviseDraft', { application: anIndividualApplication({ contractRef: 'CT-2' }) }),
  ),
  SubmitApplication: application([drafted()], app('SubmitApplication', {})),
  AcceptApplication: application(open, app('AcceptApplication', {}, '2026-01-07')),
  RequestDocuments: application(
    open,
    app('RequestDocuments', { documents: ['end-user certificate'], reason: 'Unsigned copy' }),
  ),
  SupplyDocuments: application(
    [...open, documentsRequested],
    app(
      'SupplyDocuments',
      {
        documents: [{ name: 'end-user certificate (signed original)', ref: 'DOC-1' }],
      },
      '2026-01-09',
    ),
  ),
  AssignReviewer: application(underReview, app('AssignReviewer', { reviewerId: 'reviewer-1' }, '2026-01-08')),
  CompleteReview: application(
    [...underReview, reviewerAssigned()],
    app('CompleteReview', { recommendation: 'approve', notes: 'Verified' }, '2026-01-19'),
  ),
  ApproveApplication: application(
    reviewedHistory(),
    app('ApproveApplication', { decision: aDecisionRecord() }, '2026-01-20'),
  ),
  RejectApplication: application(
    reviewedHistory(),
    app('RejectApplication', { reasons: ['End user not verified'] }, '2026-01-20'),
  ),
  WithdrawApplication: application([drafted()], app('WithdrawApplication', {})),
  MarkReviewDeadlineMissed: application(underReview, app('MarkReviewDeadlineMissed', {}, '2026-03-12')),

  IssueLicense: license(
    [],
    lic(
      'IssueLicense',
      { application: approvedApplicationFacts(), validFrom: '2026-01-01', validUntil: '2026-12-31' },
      '2025-12-20',
    ),
  ),
  RecordShipment: license(
    live,
    lic('RecordShipment', { shipmentId: 's1', lines: [{ lineId: '1', quantity: 10 }], customsDeclarationRef: 'CD-1' }),
  ),
  CorrectShipment: license(
    [...live, shipped('s1', [{ lineId: '1', quantity: 10 }], [])],
    lic('CorrectShipment', { shipmentId: 's1', lines: [{ lineId: '1', quantity: 8 }], reason: 'Customs weighed 8 kg' }),
  ),
  CancelShipment: license(
    [...live, shipped('s1', [{ lineId: '1', quantity: 10 }], [])],
    lic('CancelShipment', { shipmentId: 's1', reason: 'The goods never left' }),
  ),
  RequestAmendment: license(
    live,
    lic('RequestAmendment', {
      amendmentRequestId: 'amd-1',
      changes: { quantities: [{ lineId: '1', quantity: 150 }] },
      reason: 'Contract volume increased',
    }),
  ),
  AssignAmendmentReviewer: license(
    [...live, amendmentRequested()],
    lic('AssignAmendmentReviewer', { amendmentRequestId: 'amd-1', reviewerId: 'reviewer-1' }),
  ),
  CompleteAmendmentReview: license(
    [...live, amendmentRequested(), amendmentReviewerAssigned()],
    lic('CompleteAmendmentReview', { amendmentRequestId: 'amd-1', recommendation: 'approve', notes: 'Seen' }),
  ),
  ApproveAmendment: license(
    reviewedAmendmentHistory(),
    lic('ApproveAmendment', { amendmentRequestId: 'amd-1', decision: aDecisionRecord() }),
  ),
  RejectAmendment: license(
    reviewedAmendmentHistory(),
    lic('RejectAmendment', { amendmentRequestId: 'amd-1', reasons: ['Volume not justified'] }),
  ),
  AmendLicense: license(live, lic('AmendLicense', { reason: 'Contract extended', validUntil: '2026-11-30' })),
  SuspendLicense: license(live, lic('SuspendLicense', { reason: 'End user under investigation' })),
  ReinstateLicense: license([...live, suspended()], lic('ReinstateLicense', { reason: 'Cleared' }, '2026-04-01')),
  RevokeLicense: license(live, lic('RevokeLicense', { reason: 'Diversion' })),
  ExpireLicense: license(live, lic('ExpireLicense', {}, '2027-01-01')),

  RegisterExporter: exporter(
    [],
    exp('RegisterExporter', {
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportHistory: { years: 5 },
      licensedExportsLastThreeYears: 12,
    }),
  ),
  CertifyComplianceProgramme: exporter(
    registeredExporter,
    exp('CertifyComplianceProgramme', { certificateRef: 'ICP-1' }),
  ),
  QualifyForGeneralLicenses: exporter([...registeredExporter, certified()], exp('QualifyForGeneralLicenses', {})),
  DisqualifyFromGeneralLicenses: exporter(
    [...registeredExporter, certified(), qualified()],
    exp('DisqualifyFromGeneralLicenses', { reason: 'Audit findings' }),
  ),
  PenaliseExporter: exporter(
    registeredExporter,
    exp('PenaliseExporter', { penaltyId: 'pen-9', kind: 'fine', imposedOn: '2025-12-01', reason: 'Late report' }),
  ),

  PublishMeasure: measure([], pol('PublishMeasure', published.data)),
  AmendMeasure: measure(
    publishedMeasure,
    pol('AmendMeasure', {
      orderedBy: 'no-80-2026',
      effectiveOn: '2026-12-01',
      provisions: [{ ...holmiumProvision, summary: 'Revised' }],
      removedProvisionIds: [],
    }),
  ),
  SuspendMeasure: measure(
    publishedMeasure,
    pol('SuspendMeasure', { ...suspension, from: '2025-11-07', until: '2026-11-10' }),
  ),
  ExtendSuspension: measure(
    [...publishedMeasure, measureSuspended()],
    pol('ExtendSuspension', { ...suspension, until: '2027-01-01' }),
  ),
  LiftSuspension: measure(
    [...publishedMeasure, measureSuspended()],
    pol('LiftSuspension', { ...suspension, on: '2026-01-01' }),
  ),
  RepealMeasure: measure(publishedMeasure, pol('RepealMeasure', repealed.data)),
  RecordCorrection: measure(
    publishedMeasure,
    pol('RecordCorrection', { correction: { field: 'title', value: 'Corrected title' }, reason: 'Typo' }),
  ),

  RecordAnnouncement: announcement([], (role) => recordAnnouncement(undefined, role)),
  RecordAnnouncementActOutcome: announcement([announcementRecorded], (role) =>
    recordOutcome(extendNo57.actId, appliedOutcome, role),
  ),

  RetryParkedEvent: parkedEvent([], ops('RetryParkedEvent', { outcome: 'applied', error: null })),
  SkipParkedEvent: parkedEvent([], ops('SkipParkedEvent', { reason: 'Test data appended by hand' })),
};
