import Database from 'better-sqlite3';
import { addDays, addWorkingDays, type ScopePredicate } from '@licensing/domain';
import { DocumentStore } from '../../document-store';
import { decodeCursor } from '../../indexes/list-page';
import { buildReadModel, generatedCases, toRecorded } from '../testing/generated-cases';
import { LicenseStateQuery } from './license-state-query';
import { licenseStateProjection } from './license-state-projection';
import { type ApplicationQueue, type LicenseQueue, type QueueOptions, WorkQueues } from './work-queues';

const everything: ScopePredicate = () => true;
const ASOF = '2026-04-01';
const options: QueueOptions = { asOf: ASOF, scope: { kind: 'all' }, days: 10, thresholdPercent: 20 };
/** A reviewer's scope, as the permissions table gives it: their assignments. */
const reviewerG1: QueueOptions = { ...options, scope: { kind: 'reviewer', reviewerId: 'reviewer-g1' } };

describe('work queues', () => {
  const documents = new DocumentStore(new Database(':memory:'));
  buildReadModel(documents, licenseStateProjection, toRecorded(generatedCases(400, { exporters: 7, reviewers: 3 })));
  const queues = new WorkQueues(documents);
  const scan = new LicenseStateQuery(documents);
  const applications = scan.applications({ asOf: ASOF, scope: everything });
  const licenses = scan.licenses({ asOf: ASOF, scope: everything });
  const byKey =
    <T extends { id: string }>(key: (v: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b)) || a.id.localeCompare(b.id);

  function walk(
    read: (after: ReturnType<typeof decodeCursor>) => { items: { id: string }[]; nextCursor: string | null },
  ) {
    const ids: string[] = [];
    let after: ReturnType<typeof decodeCursor> = null;
    for (;;) {
      const { items, nextCursor } = read(after);
      ids.push(...items.map((i) => i.id));
      if (nextCursor === null) return ids;
      after = decodeCursor(nextCursor);
    }
  }
  const appQueue = (queue: ApplicationQueue, as = options) =>
    walk((after) => queues.applicationQueue(queue, as, 7, after));
  const licQueue = (queue: LicenseQueue) => walk((after) => queues.licenseQueue(queue, options, 7, after));

  it.each([
    ['awaiting-acceptance', (v: (typeof applications)[number]) => v.status === 'submitted', 'submittedOn'],
    ['unassigned', (v: (typeof applications)[number]) => v.status === 'accepted', 'reviewDeadline'],
    [
      'assigned-to-me',
      (v: (typeof applications)[number]) => v.status === 'under_review' && v.reviewerId === 'reviewer-g1',
      'reviewDeadline',
    ],
    ['awaiting-decision', (v: (typeof applications)[number]) => v.status === 'reviewed', 'reviewDeadline'],
    [
      'deadlines-due',
      (v: (typeof applications)[number]) =>
        ['accepted', 'under_review', 'reviewed', 'deadline_missed'].includes(v.status) &&
        v.reviewDeadline !== null &&
        v.reviewDeadline <= addWorkingDays(ASOF, 10),
      'reviewDeadline',
    ],
  ] as const)('%s: the right applications, oldest first', (queue, belongs, key) => {
    const expected = applications.filter(belongs).sort(byKey((v) => v[key] ?? ''));
    expect(expected.length).toBeGreaterThan(7);
    expect(appQueue(queue, queue === 'assigned-to-me' ? reviewerG1 : options)).toEqual(expected.map((v) => v.id));
  });

  it("a reviewer's deadlines-due: only the cases assigned to them", () => {
    const all = appQueue('deadlines-due');
    const own = appQueue('deadlines-due', reviewerG1);
    const assigned = new Set(applications.filter((v) => v.reviewerId === 'reviewer-g1').map((v) => v.id));
    expect(own.length).toBeGreaterThan(0);
    expect(own).toEqual(all.filter((id) => assigned.has(id)));
  });

  it('deadlines-due includes cases already past their deadline, and no closed case', () => {
    const due = new Set(appQueue('deadlines-due'));
    expect(applications.some((v) => v.status === 'deadline_missed' && due.has(v.id))).toBe(true);
    expect(applications.filter((v) => due.has(v.id)).every((v) => v.decision === null)).toBe(true);
  });

  it('expiring: licenses active today whose validity ends within N days, soonest first', () => {
    const expected = licenses
      .filter((v) => v.status === 'active' && v.validUntil <= addDays(ASOF, 10))
      .sort(byKey((v) => v.validUntil));
    expect(expected.length).toBeGreaterThan(0);
    expect(licQueue('expiring-licenses')).toEqual(expected.map((v) => v.id));
  });

  it('nearly-exhausted: active licenses with a line at or under the threshold left', () => {
    const expected = licenses
      .filter((v) => v.status === 'active' && v.items.some((line) => (line.remaining / line.licensed) * 100 <= 20))
      .sort(byKey((v) => v.validUntil));
    expect(expected.length).toBeGreaterThan(0);
    expect(licQueue('nearly-exhausted')).toEqual(expected.map((v) => v.id));
  });
});
