import type { DecisionRecord, RowScope } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import Database from 'better-sqlite3';
import { DocumentStore } from '../../document-store';
import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import { seededPolicy } from '../testing/policy-seed';
import { DECISIONS_BY_MEASURE, decisionsByMeasureProjection } from './decisions-by-measure-projection';
import { type DecisionsUsingMeasureFilter, DecisionsByMeasureQuery } from './decisions-by-measure-query';
import { decodeCursor, type PageRequest } from '../../indexes/list-page';
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

const all: RowScope = { kind: 'all' };

describe('DecisionsByMeasureQuery', () => {
  const documents = new DocumentStore(new Database(':memory:'));
  for (const [id, doc] of applyProjection(decisionsByMeasureProjection, [...story, ...later]))
    documents.put(DECISIONS_BY_MEASURE, id, doc, decisionsByMeasureProjection.index);
  const query = new DecisionsByMeasureQuery(documents);
  const firstPage = (limit = 50, descending = false): PageRequest<'position'> => ({
    sort: 'position',
    descending,
    limit,
    after: null,
  });
  const ids = (filter: Omit<DecisionsUsingMeasureFilter, 'scope'> & { scope?: RowScope }, page = firstPage()) =>
    query.page({ scope: all, ...filter }, page).items.map((d) => d.applicationId);

  it('answers every decision that evaluated the measure, in the order they were recorded', () => {
    expect(ids({ measureId: 'no-18-2025' })).toEqual(['app-1', 'app-7', 'app-8']);
  });

  it('answers the newest first when asked', () => {
    expect(ids({ measureId: 'no-18-2025' }, firstPage(50, true))).toEqual(['app-8', 'app-7', 'app-1']);
  });

  it('pages by cursor, each decision once, the last page without a cursor', () => {
    const seen: string[] = [];
    let page: PageRequest<'position'> = firstPage(2);
    for (;;) {
      const answer = query.page({ measureId: 'no-18-2025', scope: all }, page);
      seen.push(...answer.items.map((d) => d.applicationId));
      if (answer.nextCursor === null) break;
      page = { ...page, after: decodeCursor(answer.nextCursor) };
    }
    expect(seen).toEqual(['app-1', 'app-7', 'app-8']);
  });

  it('narrows to one version of the measure', () => {
    expect(ids({ measureId: 'no-18-2025', version: 1 })).toEqual(['app-1']);
    expect(ids({ measureId: 'no-18-2025', version: 2 })).toEqual(['app-7', 'app-8']);
  });

  it('narrows to decisions recorded in [from, to], both ends included, whatever precision the instants are written in', () => {
    const between = (from?: string, to?: string) => ids({ measureId: 'no-18-2025', from, to });
    expect(between('2026-05-04T02:00:00.000Z', '2026-09-01T02:00:00Z')).toEqual(['app-7', 'app-8']);
    expect(between('2026-01-21T00:00:00Z')).toEqual(['app-7', 'app-8']);
    expect(between(undefined, '2026-05-04T02:00:00Z')).toEqual(['app-1', 'app-7']);
  });

  it("keeps to the reader's data scope", () => {
    expect(ids({ measureId: 'no-18-2025', scope: { kind: 'exporters', exporterIds: ['exp-1'] } })).toEqual([
      'app-1',
      'app-7',
    ]);
    expect(ids({ measureId: 'no-18-2025', scope: { kind: 'exporters', exporterIds: [] } })).toEqual([]);
    expect(ids({ measureId: 'no-18-2025', scope: { kind: 'none' } })).toEqual([]);
  });

  it('answers nothing for a measure no decision evaluated', () => {
    expect(query.page({ measureId: 'no-99-2030', scope: all }, firstPage())).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['the measure', {}],
    ['one version', { version: 2 }],
    ["one exporter's", { scope: { kind: 'exporters', exporterIds: ['exp-1'] } as RowScope }],
  ])('walks one index in page order for %s: no sort step, a later page starting at the cursor', (_, narrowing) => {
    const after = { sort: 'position', value: '00000000000000002000', id: '00000000000000002000' };
    const { sql, params } = query.sql({ measureId: 'no-18-2025', scope: all, ...narrowing }, { ...firstPage(), after });
    const plan = documents.db
      .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).not.toMatch(/TEMP B-TREE/);
    expect(plan).toMatch(
      /SEARCH r USING INDEX decisions_by_measure_v1_measure_id_\w*position \(storage=\? AND measure_id=\?.*position>\?\)/,
    );
  });
});
