import type { RecordedEvent } from '@licensing/event-store';
import type { DecisionUsingMeasure } from './decisions-by-measure-projection';
import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import { seededPolicy } from '../testing/policy-seed';
import { decisionsByMeasureProjection, decisionUsingMeasureKey } from './decisions-by-measure-projection';
import { amendmentApprovalOf, rejectionOf } from './testing/more-decisions';

const story = toRecorded([...seededPolicy(), ...licensingStory().events]);
const approval = story.find((e) => e.type === 'ApplicationApproved') as RecordedEvent;
const key = (measureId: string, event: RecordedEvent = approval) => decisionUsingMeasureKey(measureId, event.position);
/** The documents of one measure, in `$all` order. */
const decisionsOf = (docs: Map<string, DecisionUsingMeasure>, measureId: string) =>
  [...docs.values()]
    .filter((d) => d.measureId === measureId)
    .sort((a, b) => (BigInt(a.position) < BigInt(b.position) ? -1 : 1));

describe('decisions-by-measure projection', () => {
  describe('given the story (app-1 approved on 2026-01-20 under the seeded policy)', () => {
    const docs = applyProjection(decisionsByMeasureProjection, story);

    it('keeps one document per measure the decision record lists, and nothing for other events', () => {
      expect([...docs.keys()].sort()).toEqual(
        [
          'export-control-law',
          'no-18-2025',
          'no-46-2024',
          'no-55-2025',
          'no-56-2025',
          'no-57-2025',
          'no-58-2025',
          'no-61-2025',
          'no-62-2025',
          'no-70-2025',
          'no-72-2025',
          'state-council-order-792',
        ].map((measureId) => key(measureId)),
      );
    });

    it('records the measure that applied with its version, the decision and when it was recorded', () => {
      expect(docs.get(key('no-18-2025'))).toEqual({
        applicationId: 'app-1',
        licenseId: null,
        amendmentRequestId: null,
        exporterId: 'exp-1',
        outcome: 'approved',
        measureId: 'no-18-2025',
        version: 1,
        status: 'in_force',
        applies: true,
        validOn: '2026-01-20',
        knownAt: '2026-01-20T02:00:00.000Z',
        decidedAt: '2026-01-20T02:00:00.000Z',
        position: approval.position.toString(),
      });
    });

    it('records a measure that did not apply too, with its status on the date', () => {
      expect(decisionsOf(docs, 'no-57-2025')).toEqual([
        expect.objectContaining({ applicationId: 'app-1', applies: false, status: 'suspended', version: 2 }),
      ]);
    });
  });

  describe('when the same decision event arrives again', () => {
    it('then it is recorded once', () => {
      const doc = applyProjection(decisionsByMeasureProjection, story).get(key('no-18-2025')) ?? null;
      expect(doc).not.toBeNull();
      expect(decisionsByMeasureProjection.evolve(doc, approval, key('no-18-2025'))).toBe(doc);
    });
  });

  describe('when an officer rejects without a rule evaluation', () => {
    it('then no measure is named, so nothing is indexed', () => {
      const bare = rejectionOf(approval, { applicationId: 'app-9', decision: null, position: 900n });
      expect(decisionsByMeasureProjection.keysOf(bare)).toEqual([]);
    });
  });

  describe('when an amendment request on the license is approved with the evaluation of the license as amended', () => {
    it('then it is indexed under every measure it lists, as its license and request, for the same exporter', () => {
      const amended = amendmentApprovalOf(approval, {
        licenseId: 'L-app-1',
        amendmentRequestId: 'amd-1',
        position: 902n,
      });
      const docs = applyProjection(decisionsByMeasureProjection, [...story, amended]);
      expect(docs.get(key('no-18-2025', amended))).toEqual(
        expect.objectContaining({
          applicationId: 'app-1',
          licenseId: 'L-app-1',
          amendmentRequestId: 'amd-1',
          exporterId: 'exp-1',
          outcome: 'approved',
          version: 1,
          applies: true,
          position: '902',
        }),
      );
      expect(decisionsOf(docs, 'no-57-2025').map((d) => d.amendmentRequestId)).toEqual([null, 'amd-1']);
    });
  });

  describe('when a rejection carries a record', () => {
    it('then it is indexed as rejected under every measure it lists', () => {
      const rejected = rejectionOf(approval, { applicationId: 'app-9', position: 901n });
      const docs = applyProjection(decisionsByMeasureProjection, [...story, rejected]);
      expect(decisionsOf(docs, 'no-18-2025').map((d) => [d.applicationId, d.outcome])).toEqual([
        ['app-1', 'approved'],
        ['app-9', 'rejected'],
      ]);
    });
  });
});
