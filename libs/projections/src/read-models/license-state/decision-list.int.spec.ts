import Database from 'better-sqlite3';
import type { RowScope } from '@licensing/domain';
import { DocumentStore } from '../../document-store';
import { decodeCursor, type PageRequest } from '../../indexes/list-page';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { DecisionList, type DecisionListFilter, type DecisionListItem, type DecisionSort } from './decision-list';
import { type ApplicationDocument, LICENSE_STATE, type LicenseStateDocument } from './license-state-documents';
import { licenseStateProjection } from './license-state-projection';
import { decisionOf } from './license-state-views';

const ALL: RowScope = { kind: 'all' };
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);

describe('the indexed decision list', () => {
  let documents: DocumentStore;
  let list: DecisionList;
  /** Every decision, read from the application documents themselves: what the index must agree with. */
  let everyDecision: DecisionListItem[];

  const walk = (filter: Partial<DecisionListFilter>, sort: DecisionSort = 'id', descending = false, limit = 9) => {
    const seen: DecisionListItem[] = [];
    let after = null;
    for (;;) {
      const page: PageRequest<DecisionSort> = { sort, descending, limit, after };
      const { items, nextCursor } = list.page({ scope: ALL, ...filter }, page);
      seen.push(...items);
      if (nextCursor === null) return seen;
      expect(items).toHaveLength(limit);
      after = decodeCursor(nextCursor);
    }
  };

  beforeAll(() => {
    documents = new DocumentStore(new Database(':memory:'));
    buildReadModel(documents, licenseStateProjection, toRecorded(generatedCases(300, { exporters: 5, reviewers: 3 })));
    list = new DecisionList(documents);
    everyDecision = documents
      .all<LicenseStateDocument>(LICENSE_STATE)
      .filter((doc): doc is ApplicationDocument => doc.kind === 'application')
      .flatMap((doc) => {
        const decision = decisionOf(doc);
        if (decision === null) return [];
        return [{ id: doc.id, exporterId: doc.state.application.exporterId, reviewerId: doc.reviewerId, decision }];
      })
      .sort(byId);
  });

  afterAll(() => documents.db.close());

  it('walks every decision exactly once, by id and by decision date, both ways', () => {
    expect(everyDecision.length).toBeGreaterThan(30);
    expect(walk({})).toEqual(everyDecision);
    expect(ids(walk({}, 'id', true))).toEqual(ids(everyDecision).reverse());
    const byDate = walk({}, 'decidedOn', false, 11);
    expect(ids(byDate).sort()).toEqual(ids(everyDecision));
    const keys = byDate.map((d) => `${d.decision.decidedOn} ${d.id}`);
    expect(keys).toEqual([...keys].sort());
    expect(ids(walk({}, 'decidedOn', true, 11))).toEqual(ids(byDate).reverse());
  });

  it('filters by verdict, measure, decision dates and exporter', () => {
    const approved = everyDecision.find((d) => d.decision.outcome === 'approved') as DecisionListItem;
    const measureId = approved.decision.record?.measures[0]?.measureId as string;
    const [from, to] = ['2026-03-01', '2026-08-31'];
    const cases: [Partial<DecisionListFilter>, (d: DecisionListItem) => boolean][] = [
      [{ verdict: 'approved' }, (d) => d.decision.outcome === 'approved'],
      [{ verdict: 'rejected' }, (d) => d.decision.outcome === 'rejected'],
      [{ measureId }, (d) => (d.decision.record?.measures ?? []).some((m) => m.measureId === measureId)],
      [{ decidedFrom: from, decidedTo: to }, (d) => d.decision.decidedOn >= from && d.decision.decidedOn <= to],
      [
        { exporterId: approved.exporterId, verdict: 'approved', measureId },
        (d) => d.exporterId === approved.exporterId && d.decision.outcome === 'approved',
      ],
    ];
    for (const [filter, holds] of cases) {
      const expected = ids(everyDecision.filter(holds));
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(walk(filter))).toEqual(expected);
      const byDate = everyDecision.filter(holds).sort((a, b) => {
        const key = (d: DecisionListItem) => `${d.decision.decidedOn} ${d.id}`;
        return key(a) < key(b) ? -1 : 1;
      });
      expect(ids(walk(filter, 'decidedOn', false, 4))).toEqual(ids(byDate));
    }
    expect(walk({ measureId: 'no-such-measure' })).toEqual([]);
  });

  it('lists only the decisions in the reader’s scope, in the SQL', () => {
    const exporter = everyDecision[0]?.exporterId as string;
    const reviewerId = everyDecision.find((d) => d.reviewerId !== null)?.reviewerId as string;
    const theirs = everyDecision.filter((d) => d.exporterId === exporter);
    const reviewed = everyDecision.filter((d) => d.reviewerId === reviewerId);
    expect(theirs.length).toBeLessThan(everyDecision.length);
    expect(reviewed.length).toBeLessThan(everyDecision.length);
    expect(walk({ scope: { kind: 'exporters', exporterIds: [exporter] } })).toEqual(theirs);
    expect(walk({ scope: { kind: 'reviewer', reviewerId } })).toEqual(reviewed);
    expect(walk({ scope: { kind: 'exporters', exporterIds: [exporter] }, exporterId: 'someone-else' })).toEqual([]);
    expect(walk({ scope: { kind: 'none' } })).toEqual([]);
  });

  it('answers a page by one index walk in page order', () => {
    const plan = (filter: Partial<DecisionListFilter>, sort: DecisionSort) => {
      const { sql, params } = list.sql({ scope: ALL, ...filter }, { sort, descending: false, limit: 50, after: null });
      return documents.db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
    };
    for (const [filter, sort] of [
      [{}, 'decidedOn'],
      [{ measureId: 'x' }, 'decidedOn'],
      [{ exporterId: 'x' }, 'id'],
    ] as const)
      expect(plan(filter, sort)).not.toMatch(/TEMP B-TREE|SCAN/);
  });
});
