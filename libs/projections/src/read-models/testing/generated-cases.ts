import { randomUUID } from 'node:crypto';
import { addDays, addWorkingDays, applicationStreamId, type Item, licenseStreamId, type Role } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { applyEvent } from '../../apply-event';
import type { DocumentStore } from '../../document-store';
import type { Projection } from '../../projection';
import { at, type DecidedEvent, toRecorded } from './decided-events';
import { licensingStory } from './licensing-story';

export const CONTROL_CODES = ['1C902.a', '1C903', '1C904.b'] as const;
export const ELEMENTS = ['samarium', 'dysprosium', 'terbium', 'gadolinium'] as const;
export const DESTINATIONS = ['DE', 'JP', 'US', 'KR', 'FR'] as const;
/** Each case stops at one of these, by its number. */
export const STAGES = [
  'drafted',
  'submitted',
  'accepted',
  'under_review',
  'reviewed',
  'approved',
  'rejected',
  'withdrawn',
] as const;

export interface CaseShape {
  readonly exporters: number;
  readonly reviewers: number;
  /** Added to case numbers, so a second batch (concurrent appends) gets new ids. */
  readonly offset?: number;
}

/** The n-th of a non-empty list, round robin. */
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const caseId = (n: number) => `gen-${String(n).padStart(7, '0')}`;
export const stageOf = (n: number) => pick(STAGES, n);
export const exporterOf = (n: number, shape: CaseShape) => `exp-g${n % shape.exporters}`;
export const reviewerOf = (n: number, shape: CaseShape) => `reviewer-g${n % shape.reviewers}`;

const reviewDeadlines = new Map<string, string>();
/** 45 working days after acceptance, remembered: day by day it costs more than the rest of a case (a million-event seed). */
function reviewDeadlineAfter(accepted: string): string {
  let deadline = reviewDeadlines.get(accepted);
  if (deadline === undefined) reviewDeadlines.set(accepted, (deadline = addWorkingDays(accepted, 45)));
  return deadline;
}

let approvalRecord: unknown;
/** A real decision record (the licensing story's approval), shared by every generated approval. */
function decisionRecord(): unknown {
  approvalRecord ??= (
    licensingStory().events.find((e) => e.type === 'ApplicationApproved')?.data as { decision: unknown }
  ).decision;
  return approvalRecord;
}

function item(n: number): Item {
  return {
    lineId: '1',
    controlCode: pick(CONTROL_CODES, n),
    element: pick(ELEMENTS, n),
    form: 'magnet_material',
    description: 'Permanent magnet blocks',
    quantity: { amount: 100, unit: 'kg' },
    value: { amount: 50000, currency: 'USD' },
  };
}

/**
 * Events of `count` cases, written directly (no decider: the deciders'
 * rules cost what the benchmark must not measure), each case stopping at
 * its stage: dates, exporters, reviewers, items and destinations spread
 * deterministically by the case number.
 */
export function generatedCases(count: number, shape: CaseShape): DecidedEvent[] {
  const events: DecidedEvent[] = [];
  for (let i = 0; i < count; i++) events.push(...caseEvents(i + (shape.offset ?? 0), shape));
  return events;
}

function caseEvents(n: number, shape: CaseShape): DecidedEvent[] {
  const id = caseId(n);
  const exporterId = exporterOf(n, shape);
  const stage = n % STAGES.length;
  const stream = applicationStreamId(id);
  const drafted = addDays('2026-01-05', n % 300);
  const events: DecidedEvent[] = [];
  const push = (streamId: string, type: string, data: unknown, on: string, actor: string, role: Role) =>
    events.push({
      streamId,
      id: randomUUID(),
      type,
      version: 1,
      data,
      metadata: {
        actor,
        role,
        commandId: `${streamId}/${type}`,
        correlationId: streamId,
        causationId: streamId,
        occurredAt: at(on),
        recordedAt: at(on),
      },
    });
  const party = {
    name: `Customer ${n % 97} GmbH`,
    country: pick(DESTINATIONS, n),
    militaryUser: false,
    listed: false,
    ownedByListedPartiesPercent: 0,
  };
  const application = {
    licenseType: 'individual',
    exporterId,
    items: [item(n)],
    consignee: { ...party, name: `Importer ${n % 89}` },
    endUser: party,
    endUse: { category: 'civil', description: 'Motors' },
    destination: party.country,
    contractRef: `CT-${id}`,
    endUserCertificateRef: `EUC-${id}`,
    endUseCertificateRef: `EUSE-${id}`,
  };
  push(
    stream,
    'ApplicationDrafted',
    { applicationId: id, application, draftedOn: drafted },
    drafted,
    exporterId,
    'exporter',
  );
  if (stage === 0) return events;
  const submitted = addDays(drafted, 1);
  push(
    stream,
    'ApplicationSubmitted',
    { applicationId: id, exporterId, licenseType: 'individual', submittedOn: submitted },
    submitted,
    exporterId,
    'exporter',
  );
  if (stage === 1) return events;
  const accepted = addDays(submitted, 1);
  const officer = `officer-g${n % 3}`;
  const reviewDeadline = reviewDeadlineAfter(accepted);
  push(
    stream,
    'ApplicationAccepted',
    { applicationId: id, acceptedOn: accepted, reviewWorkingDays: 45, reviewDeadline },
    accepted,
    officer,
    'licensing_officer',
  );
  if (stage === 2) return events;
  const reviewerId = reviewerOf(n, shape);
  push(
    stream,
    'ReviewerAssigned',
    { applicationId: id, reviewerId, assignedOn: accepted },
    accepted,
    officer,
    'licensing_officer',
  );
  if (stage === 3) return events;
  const reviewed = addDays(accepted, 10);
  push(
    stream,
    'ReviewCompleted',
    { applicationId: id, reviewerId, recommendation: 'approve', notes: '', completedOn: reviewed },
    reviewed,
    reviewerId,
    'reviewer',
  );
  if (stage === 4) return events;
  const decided = addDays(reviewed, 1);
  const approver = `officer-g${(n + 1) % 3}`;
  if (stage === 6) {
    push(
      stream,
      'ApplicationRejected',
      {
        applicationId: id,
        exporterId,
        approverId: approver,
        rejectedOn: decided,
        decision: null,
        reasons: ['Incomplete end-use statement'],
      },
      decided,
      approver,
      'licensing_officer',
    );
    return events;
  }
  if (stage === 7) {
    push(
      stream,
      'ApplicationWithdrawn',
      { applicationId: id, withdrawnOn: decided, reason: null },
      decided,
      exporterId,
      'exporter',
    );
    return events;
  }
  push(
    stream,
    'ApplicationApproved',
    {
      applicationId: id,
      exporterId,
      licenseType: 'individual',
      approverId: approver,
      approvedOn: decided,
      decision: decisionRecord(),
    },
    decided,
    approver,
    'licensing_officer',
  );
  const licenseId = `lic-${id}`;
  const license = licenseStreamId(licenseId);
  const validFrom = addDays(decided, 1);
  push(
    license,
    'LicenseIssued',
    {
      licenseId,
      applicationId: id,
      exporterId,
      licenseType: 'individual',
      items: [item(n)],
      endUsers: [party],
      validFrom,
      validUntil: addDays(validFrom, 30 + (n % 335)),
      issuedOn: decided,
    },
    decided,
    approver,
    'licensing_officer',
  );
  const shipped = (n * 7) % 100;
  if (shipped > 0 && shipped < 100) {
    const lines = [{ lineId: '1', quantity: shipped }];
    push(
      license,
      'ShipmentRecorded',
      {
        licenseId,
        shipmentId: `s-${id}`,
        lines,
        shippedOn: validFrom,
        customsDeclarationRef: `CD-${id}`,
        remaining: [{ lineId: '1', quantity: 100 - shipped }],
      },
      validFrom,
      exporterId,
      'exporter',
    );
  }
  if (n % 11 === 0) {
    const until = n % 2 === 0 ? null : addDays(validFrom, 20);
    push(
      license,
      'LicenseSuspended',
      { licenseId, reason: 'Announcement', suspendedOn: addDays(validFrom, 5), until },
      addDays(validFrom, 5),
      approver,
      'licensing_officer',
    );
  } else if (n % 13 === 0) {
    push(
      license,
      'LicenseRevoked',
      { licenseId, reason: 'Diversion', revokedOn: addDays(validFrom, 7) },
      addDays(validFrom, 7),
      approver,
      'licensing_officer',
    );
  }
  return events;
}

/** Builds a read model straight from events, the runner's way (applyEvent), in batched transactions. */
export function buildReadModel(
  documents: DocumentStore,
  projection: Projection,
  events: readonly RecordedEvent[],
  storage = projection.name,
): void {
  const BATCH = 2_000;
  for (let start = 0; start < events.length; start += BATCH) {
    documents.transaction(() => {
      for (const event of events.slice(start, start + BATCH)) applyEvent(documents, projection, event, storage);
    });
  }
}

export { toRecorded };
