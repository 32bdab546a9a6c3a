import { policySnapshot, RecordedPolicyEvent } from '../policy/policy-snapshot';
import { rareEarthPolicyHistory } from '../policy/seed/rare-earth-policy-history';
import { toRecordedPolicyEvents } from '../policy/seed/seed-policy-event';
import { compareDecisions } from './decision-comparison';
import { DecisionRecord, RuleOutcome } from './decision-record';
import { evaluate } from './evaluate';
import { replayDecision, whatIfDecision } from './replay';
import { application, experiencedExporter, holmiumMetal } from './testing/evaluation-fixtures';

const history = toRecordedPolicyEvents(rareEarthPolicyHistory());
/** Holmium metal on 2026-03-01: No. 57 (which lists it) is suspended by No. 70, so nothing controls it. */
const recorded = evaluate(
  application([holmiumMetal]),
  experiencedExporter,
  policySnapshot(history, { validOn: '2026-03-01', knownAt: '2026-03-01T02:00:00Z' }),
);
/** Learned on 2026-04-01: No. 57's suspension was lifted from 2026-02-01. */
const lateLift: RecordedPolicyEvent = {
  measureId: 'no-57-2025',
  revision: 2,
  recordedAt: '2026-04-01T00:00:00Z',
  event: {
    type: 'SuspensionLifted',
    schemaVersion: 1,
    data: { measureId: 'no-57-2025', suspensionId: 'no-70-2025', orderedBy: 'test-only', on: '2026-02-01' },
  },
};
const STATUS_REASON = 'No. 57 of 2025 is suspended on 2026-03-01 (suspended by no-70-2025).';

describe('compareDecisions: a recorded decision against a re-evaluation, rule by rule', () => {
  describe('given holmium metal decided on 2026-03-01 while No. 57 was suspended (not controlled)', () => {
    describe('when it is re-evaluated on the same policy log', () => {
      const comparison = compareDecisions(recorded, replayDecision(recorded, history).replayed);

      it('then nothing differs', () => {
        expect(recorded.verdict).toBe('not_controlled');
        expect(comparison).toMatchObject({ same: true, outcomes: [], measures: [], otherFields: [] });
        expect(comparison.verdict).toMatchObject({ changed: false, before: { verdict: 'not_controlled' } });
      });
    });

    describe('when it is re-evaluated knowing the suspension was lifted', () => {
      const position = { validOn: '2026-03-01', knownAt: '2026-04-02T00:00:00Z' };
      const comparison = compareDecisions(
        recorded,
        whatIfDecision(recorded, [...history, lateLift], position).replayed,
      );

      it("then No. 57's status outcome is removed and its item-list rule added for line 1, each with its reason", () => {
        expect(comparison.same).toBe(false);
        expect(comparison.outcomes).toEqual([
          {
            change: 'removed',
            rule: 'measure_status',
            measureId: 'no-57-2025',
            lineId: null,
            before: { outcome: 'not_applicable', reason: STATUS_REASON },
            after: null,
          },
          {
            change: 'added',
            rule: 'item-list.license_required',
            measureId: 'no-57-2025',
            lineId: '1',
            before: null,
            after: {
              outcome: 'license_required',
              reason:
                'Line 1 (holmium metal, 1C909.a, metal) is listed by No. 57 of 2025 (item-list): a license is required.',
            },
          },
        ]);
      });

      it('then the verdict changes from not controlled to license required, with the reasons of both', () => {
        expect(comparison.verdict).toEqual({
          changed: true,
          before: { verdict: 'not_controlled', reasons: [expect.stringMatching(/^No measure in force on 2026-03-01/)] },
          after: {
            verdict: 'license_required',
            reasons: [expect.stringContaining('needs a license under No. 57 of 2025')],
          },
        });
        expect(comparison.otherFields).toEqual([{ path: '$.licenseRequired', recorded: false, replayed: true }]);
      });

      it('then No. 57 is reported with its new version, its status on the date and that it now applies', () => {
        expect(comparison.measures).toEqual([
          {
            change: 'changed',
            measureId: 'no-57-2025',
            before: { title: expect.any(String), version: 2, status: 'suspended', applies: false },
            after: { title: expect.any(String), version: 3, status: 'in_force', applies: true },
          },
        ]);
      });
    });

    describe('when the record was altered after the fact (a reason rewritten, a measure dropped)', () => {
      const altered: DecisionRecord = {
        ...recorded,
        outcomes: recorded.outcomes.map((o) =>
          o.measureId === 'no-57-2025' ? { ...o, reason: 'No. 57 of 2025 does not apply.' } : o,
        ),
        measures: recorded.measures.filter((m) => m.measureId !== 'no-18-2025'),
      };
      const comparison = compareDecisions(altered, replayDecision(altered, history).replayed);

      it('then the rule shows as changed, with the altered reason before and the evaluated one after', () => {
        expect(comparison.outcomes).toEqual([
          {
            change: 'changed',
            rule: 'measure_status',
            measureId: 'no-57-2025',
            lineId: null,
            before: { outcome: 'not_applicable', reason: 'No. 57 of 2025 does not apply.' },
            after: { outcome: 'not_applicable', reason: STATUS_REASON },
          },
        ]);
      });

      it('then the dropped measure shows as added by the re-evaluation', () => {
        expect(comparison.measures).toEqual([
          {
            change: 'added',
            measureId: 'no-18-2025',
            before: null,
            after: expect.objectContaining({ status: 'in_force', applies: false }),
          },
        ]);
        expect(comparison.same).toBe(false);
      });
    });
  });

  describe('given a decision where one rule concluded twice (two parties screened under the same rule)', () => {
    const finding = (reason: string, outcome: RuleOutcome['outcome'] = 'deny'): RuleOutcome => ({
      rule: 'end-users.deny_end_user',
      measureId: 'no-18-2025',
      outcome,
      reason,
    });
    const twice = { ...recorded, outcomes: [finding('Consignee is listed.'), finding('End user is listed.')] };

    describe('when the re-evaluation keeps the first and changes the second', () => {
      const reevaluated = {
        ...twice,
        outcomes: [finding('Consignee is listed.'), finding('No ground holds.', 'pass')],
      };

      it('then the conclusions are matched in order and only the second is reported', () => {
        expect(compareDecisions(twice, reevaluated).outcomes).toEqual([
          expect.objectContaining({
            change: 'changed',
            before: { outcome: 'deny', reason: 'End user is listed.' },
            after: { outcome: 'pass', reason: 'No ground holds.' },
          }),
        ]);
      });
    });

    describe('when the re-evaluation concludes only once', () => {
      it('then the second conclusion is reported removed', () => {
        const once = { ...twice, outcomes: [finding('Consignee is listed.')] };
        expect(compareDecisions(twice, once).outcomes).toEqual([
          expect.objectContaining({ change: 'removed', before: { outcome: 'deny', reason: 'End user is listed.' } }),
        ]);
      });
    });
  });

  describe('given any decision re-evaluated at another policy position', () => {
    it('then the position itself (validOn, knownAt) is not reported as a difference', () => {
      const later = { ...recorded, validOn: '2026-03-02', knownAt: '2026-03-02T02:00:00Z' };
      expect(compareDecisions(recorded, later)).toMatchObject({ same: true, otherFields: [] });
    });
  });
});
