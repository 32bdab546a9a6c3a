import { deciderSpec } from '../../testing/decider-spec';
import { fold } from '../../shared/decider';
import { LIST_LIMITS } from '../../shared/input-fields';
import { controlMeasureDecider } from '../measure-decider';
import { metadata, published, suspended } from '../testing/measure-fixtures';
import {
  ANNOUNCEMENT_ID,
  announcementRecorded,
  appliedOutcome,
  extendNo57,
  no57Extended,
  recordAnnouncement,
  recordedActs,
  recordOutcome,
  suspendNo18,
} from '../testing/announcement-fixtures';
import { AnnouncementActInput } from './announcement-acts';
import { RecordAnnouncementData } from './announcement-commands';
import { announcementDecider } from './announcement-decider';
import { pendingActs } from './announcement-state';
import { measureCommandOf } from './measure-command-of';

const spec = deciderSpec(announcementDecider);

describe('recording an announcement', () => {
  it('records it with its acts in order, a suspension without an id taking the announcement id', () => {
    spec.given([]).when(recordAnnouncement()).then([announcementRecorded]);
  });

  it('lets the seeder record one too (system), and nobody but policy officers otherwise', () => {
    spec.given([]).when(recordAnnouncement(undefined, 'system')).then([announcementRecorded]);
    spec
      .given([])
      .when(recordAnnouncement(undefined, 'licensing_officer'))
      .thenThrows('announcement.forbidden', /only policy_officer or system may/);
  });

  it('refuses to record the same announcement twice', () => {
    spec
      .given([announcementRecorded])
      .when(recordAnnouncement())
      .thenThrows('announcement.illegal_transition', /already recorded \(No\. 80 of 2026, published on 2026-11-05\)/);
  });

  it('refuses an announcement that orders no act', () => {
    spec
      .given([])
      .when(recordAnnouncement([]))
      .thenThrows('announcement.no_acts', /No\. 80 of 2026 orders no act/);
  });

  it('refuses two acts under one id', () => {
    spec
      .given([])
      .when(recordAnnouncement([extendNo57, { ...suspendNo18, actId: extendNo57.actId }]))
      .thenThrows('announcement.duplicate_act', /repeated: extend-no-57-2025/);
  });
});

describe("recording how an act went (the process manager's command)", () => {
  it('records an applied act with the measure event it recorded, and a refused one with its reason', () => {
    spec.given([announcementRecorded]).when(recordOutcome(extendNo57.actId, appliedOutcome)).then([no57Extended]);
    const refusal = { state: 'refused', code: 'control_measure.illegal_transition', reason: 'not published' } as const;
    spec
      .given([announcementRecorded])
      .when(recordOutcome(suspendNo18.actId, refusal))
      .then([
        {
          type: 'AnnouncementActRefused',
          schemaVersion: 1,
          data: {
            announcementId: ANNOUNCEMENT_ID,
            actId: suspendNo18.actId,
            measureId: 'no-18-2025',
            code: refusal.code,
            reason: refusal.reason,
          },
        },
      ]);
  });

  it('refuses an outcome for an announcement never recorded, or an act it does not order', () => {
    spec.given([]).when(recordOutcome(extendNo57.actId, appliedOutcome)).thenThrows('announcement.not_found');
    spec
      .given([announcementRecorded])
      .when(recordOutcome('repeal-no-57-2025', appliedOutcome))
      .thenThrows('announcement.unknown_act', /its acts: extend-no-57-2025, suspend-no-18-2025/);
  });

  it('refuses a second outcome for a settled act: each act is applied exactly once', () => {
    spec
      .given([announcementRecorded, no57Extended])
      .when(recordOutcome(extendNo57.actId, { state: 'refused', code: 'x', reason: 'y' }))
      .thenThrows('announcement.illegal_transition', /settled for act extend-no-57-2025 \(applied\)/);
  });

  it('refuses an applied outcome naming an event the act cannot have recorded', () => {
    spec
      .given([announcementRecorded])
      .when(recordOutcome(extendNo57.actId, { ...appliedOutcome, eventType: 'MeasureRepealed' }))
      .thenThrows('announcement.outcome_mismatch', /records SuspensionExtended on its measure, not MeasureRepealed/);
  });

  it('takes outcomes from the service itself only, never from a person', () => {
    spec
      .given([announcementRecorded])
      .when(recordOutcome(extendNo57.actId, appliedOutcome, 'policy_officer'))
      .thenThrows('announcement.forbidden', /only system may/);
  });

  it('keeps the acts not yet settled pending, in the order given', () => {
    const state = (events: (typeof announcementRecorded)[]) => fold(announcementDecider, events);
    expect(pendingActs(state([]))).toEqual([]);
    expect(pendingActs(state([announcementRecorded]))).toEqual(recordedActs);
    expect(pendingActs(state([announcementRecorded, no57Extended]))).toEqual([recordedActs[1]]);
  });
});

describe('an act as the command its measure decides', () => {
  const meta = metadata('system', '2026-11-05T02:00:02Z');

  it('is the measure command with the announcement as orderedBy, decided by the measure as if sent by hand', () => {
    const command = measureCommandOf({ announcementId: ANNOUNCEMENT_ID }, extendNo57 as never, meta);
    expect(command).toEqual({
      type: 'ExtendSuspension',
      data: { measureId: 'no-57-2025', suspensionId: 'no-70-2025', until: '2027-11-10', orderedBy: ANNOUNCEMENT_ID },
      metadata: meta,
    });
    expect(controlMeasureDecider.decide(command, fold(controlMeasureDecider, [published, suspended()]))).toEqual([
      { type: 'SuspensionExtended', schemaVersion: 1, data: command.data },
    ]);
  });

  it('maps every kind to its measure command', () => {
    const announcement = { announcementId: ANNOUNCEMENT_ID };
    const of = (act: object) => measureCommandOf(announcement, { measureId: 'm', actId: 'a', ...act } as never, meta);
    expect(of({ kind: 'suspend', suspensionId: 's', from: '2026-01-01' }).type).toBe('SuspendMeasure');
    expect(of({ kind: 'extend', suspensionId: 's', until: '2027-01-01' }).type).toBe('ExtendSuspension');
    expect(of({ kind: 'lift', suspensionId: 's', on: '2026-06-01' }).type).toBe('LiftSuspension');
    expect(of({ kind: 'repeal', on: '2026-06-01' }).type).toBe('RepealMeasure');
    const amend = of({ kind: 'amend', effectiveOn: '2026-06-01', provisions: [], removedProvisionIds: ['x'] });
    expect(amend).toMatchObject({
      type: 'AmendMeasure',
      data: { orderedBy: ANNOUNCEMENT_ID, removedProvisionIds: ['x'] },
    });
    expect(amend.data).not.toHaveProperty('kind');
    expect(amend.data).not.toHaveProperty('actId');
  });
});

describe('what a policy officer may send', () => {
  const body = (acts: unknown[]) => ({ ...announcementRecorded.data, acts });

  it('takes the acts as the measure commands take their data, without orderedBy', () => {
    expect(RecordAnnouncementData.safeParse(body([extendNo57, suspendNo18])).success).toBe(true);
    const ordered = AnnouncementActInput.safeParse({ ...extendNo57, orderedBy: 'no-70-2025' });
    expect(ordered.error?.issues.map((issue) => issue.code)).toEqual(['unrecognized_keys']);
  });

  it('refuses a misspelt field inside an act rather than dropping it', () => {
    const { until: _until, ...rest } = suspendNo18 as { until: string };
    const misspelt = AnnouncementActInput.safeParse({ ...rest, untill: '2027-11-10' });
    expect(misspelt.success).toBe(false);
  });

  it(`takes up to ${LIST_LIMITS.acts} acts`, () => {
    const acts = (count: number) => Array.from({ length: count }, (_, i) => ({ ...extendNo57, actId: `a-${i}` }));
    expect(RecordAnnouncementData.safeParse(body(acts(LIST_LIMITS.acts))).success).toBe(true);
    expect(RecordAnnouncementData.safeParse(body(acts(LIST_LIMITS.acts + 1))).success).toBe(false);
  });
});
