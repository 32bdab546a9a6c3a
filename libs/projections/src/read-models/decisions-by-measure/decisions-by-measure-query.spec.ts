import type { DecisionRecord } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import Database from 'better-sqlite3';
import { DocumentStore } from '../../document-store';
import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import { seededPolicy } from '../testing/policy-seed';
import { DECISIONS_BY_MEASURE, decisionsByMeasureProjection } from './decisions-by-measure-projection';
import { DecisionsByMeasureQuery } from './decisions-by-measure-query';
import { rejectionOf, withMeasureVersion } from './testing/more-decisions';

const story = toRecorded([...seededPolicy(), ...licensingStory().events]);
const approval = story.find((e) => e.type === 'ApplicationApproved') as RecordedEvent;
const record = (approval.data as { decision: DecisionRecord }).decision;
/** app-1 approved 2026-01-20 (No. 18 v1); app-7 rejected 2026-05-04 and app-8 rejected 2026-09-01 under No. 18 v2. */
const later = [
  rejectionOf(approval, {
    applicationId: 'app-8',
    position: 2001n,
    recordedAt: '2026-09-01T02:00:00.000Z',
    exporterId: 'exp-2',
    decision: { ...withMeasureVersion(record, 'no-18-2025', 2), applicationId: 'app-8' },
  }),
  rejectionOf(approval, {
    applicationId: 'app-7',
    position: 2000n,
    recordedAt: '2026-05-04T02:00:00.000Z',
    decision: { ...withMeasureVersion(record, 'no-18-2025', 2), applicationId: 'app-7' },
  }),
];

describe('DecisionsByMeasureQuery.decisionsUsingMeasure', () => {
  const documents = new DocumentStore(new Database(':memory:'));
  for (const [id, doc] of applyProjection(decisionsByMeasureProjection, [...story, ...later]))
    documents.put(DECISIONS_BY_MEASURE, id, doc);
  const query = new DecisionsByMeasureQuery(documents);
  const everyone = () => true;
  const ids = (found: { applicationId: string }[]) => found.map((d) => d.applicationId);

  it('answers every decision that evaluated the measure, in the order they were recorded', () => {
    expect(ids(query.decisionsUsingMeasure({ measureId: 'no-18-2025', scope: everyone }))).toEqual([
      'app-1',
      'app-7',
      'app-8',
    ]);
  });

  it('narrows to one version of the measure', () => {
    expect(ids(query.decisionsUsingMeasure({ measureId: 'no-18-2025', version: 1, scope: everyone }))).toEqual([
      'app-1',
    ]);
    expect(ids(query.decisionsUsingMeasure({ measureId: 'no-18-2025', version: 2, scope: everyone }))).toEqual([
      'app-7',
      'app-8',
    ]);
  });

  it('narrows to decisions recorded in [from, to], both ends included', () => {
    const between = (from?: string, to?: string) =>
      ids(query.decisionsUsingMeasure({ measureId: 'no-18-2025', from, to, scope: everyone }));
    expect(between('2026-05-04T02:00:00.000Z', '2026-09-01T02:00:00Z')).toEqual(['app-7', 'app-8']);
    expect(between('2026-01-21T00:00:00Z')).toEqual(['app-7', 'app-8']);
    expect(between(undefined, '2026-05-04T02:00:00Z')).toEqual(['app-1', 'app-7']);
  });

  it("keeps to the reader's data scope", () => {
    const exp1Only = (owner: { exporterId?: string | null }) => owner.exporterId === 'exp-1';
    expect(ids(query.decisionsUsingMeasure({ measureId: 'no-18-2025', scope: exp1Only }))).toEqual(['app-1', 'app-7']);
  });

  it('answers nothing for a measure no decision evaluated', () => {
    expect(query.decisionsUsingMeasure({ measureId: 'no-99-2030', scope: everyone })).toEqual([]);
  });
});
