import { allowedRoles, isAllowed } from '@licensing/domain';
import {
  type As,
  auditor,
  director,
  exporterUser,
  issuedLicense,
  magnetApplication,
  officer,
  opsUser,
  policyOfficer,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { WORK_QUEUES } from '../src/work-queues/work-queue-query';
import { RunningService } from './running-service';

// A Monday: acceptances today fall due 45 working days on, 2027-01-25 (no holidays).
const NOW = '2026-11-23T02:00:00.000Z';
const otherReviewer: As = { id: 'zhou.bo', role: 'reviewer' };
/** Accepted with three holidays in its calendar: due three working days after the others. */
const HOLIDAYS = { holidays: ['2026-12-01', '2026-12-02', '2026-12-03'] };

describe('work queues over HTTP (embedded service): each queue, its order, pages and scope', () => {
  const service = new RunningService();
  let client: ServiceClient;

  async function application(id: string, steps: [string, As, unknown?][]): Promise<void> {
    expect((await client.post('/applications', exporterUser, magnetApplication(id))).status).toBe(201);
    for (const [action, as, body] of steps) {
      const reply = await client.post(`/applications/${id}/${action}`, as, body);
      expect({ id, action, status: reply.status }).toEqual({ id, action, status: 200 });
    }
  }
  const submit: [string, As] = ['submit', exporterUser];
  const assign = (to: As): [string, As, unknown] => ['assign-reviewer', officer, { reviewerId: to.id }];

  /** Every page of a queue, `limit` at a time: the ids in order and the number of pages. */
  async function walk(queue: string, as: As, query = '', limit = 2) {
    const ids: string[] = [];
    let pages = 0;
    let cursor: string | null = null;
    do {
      const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const reply = await client.get(`/work-queues/${queue}?limit=${limit}${query}${after}`, as);
      expect({ queue, status: reply.status }).toEqual({ queue, status: 200 });
      expect(reply.body.queue).toBe(queue);
      expect(reply.body.items.length).toBeLessThanOrEqual(limit);
      ids.push(...reply.body.items.map((item: { id: string }) => item.id));
      cursor = reply.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { ids, pages };
  }
  const ids = async (queue: string, as: As, query = '') => (await walk(queue, as, query, 50)).ids;

  beforeAll(async () => {
    client = await service.start(NOW);
    // Approved, reviewed by wang.fang: closed cases, in no application queue; their licenses are the license queues'.
    await issuedLicense(client, 'wq-soon', '2026-11-23', '2026-12-10');
    await issuedLicense(client, 'wq-later', '2026-11-23', '2027-06-30');
    const shipment = { shipmentId: 's-1', lines: [{ lineId: '1', quantity: 95 }], customsDeclarationRef: 'CD-1' };
    expect((await client.post('/licenses/L-wq-later/record-shipment', exporterUser, shipment)).status).toBe(200);

    await application('wq-draft', []);
    for (const id of ['wq-submitted-1', 'wq-submitted-2', 'wq-submitted-3']) await application(id, [submit]);
    // Id order and deadline order differ: the queue must follow the deadline.
    await application('wq-unassigned-1', [submit, ['accept', officer, HOLIDAYS]]);
    await application('wq-unassigned-2', [submit, ['accept', officer]]);
    await application('wq-review-1', [submit, ['accept', officer, HOLIDAYS], assign(reviewer)]);
    await application('wq-review-2', [submit, ['accept', officer], assign(reviewer)]);
    await application('wq-review-other', [submit, ['accept', officer], assign(otherReviewer)]);
    await application('wq-reviewed', [
      submit,
      ['accept', officer],
      assign(reviewer),
      ['complete-review', reviewer, { recommendation: 'approve', notes: 'Checked' }],
    ]);
  });
  afterAll(() => service.dispose());

  it('lists what waits for acceptance, oldest first, a page at a time', async () => {
    expect(await walk('awaiting-acceptance', officer)).toEqual({
      ids: ['wq-submitted-1', 'wq-submitted-2', 'wq-submitted-3'],
      pages: 2,
    });
    expect(await ids('awaiting-acceptance', auditor)).toEqual(['wq-submitted-1', 'wq-submitted-2', 'wq-submitted-3']);
  });

  it('lists the accepted and unassigned, and the reviewed waiting for a second officer, by deadline', async () => {
    expect(await walk('unassigned', officer, '', 1)).toEqual({ ids: ['wq-unassigned-2', 'wq-unassigned-1'], pages: 2 });
    expect(await ids('awaiting-decision', officer)).toEqual(['wq-reviewed']);
    const decided = await client.get('/work-queues/awaiting-decision', director);
    expect(decided.body.items[0]).toMatchObject({ id: 'wq-reviewed', status: 'reviewed', reviewerId: reviewer.id });
  });

  it("gives each reviewer the applications assigned to them; an auditor every reviewer's", async () => {
    expect(await walk('assigned-to-me', reviewer, '', 1)).toEqual({ ids: ['wq-review-2', 'wq-review-1'], pages: 2 });
    expect(await ids('assigned-to-me', otherReviewer)).toEqual(['wq-review-other']);
    expect(await ids('assigned-to-me', auditor)).toEqual(['wq-review-2', 'wq-review-other', 'wq-review-1']);
  });

  it('lists review deadlines due within N working days, overdue included, oldest first; a reviewer only theirs', async () => {
    // Due 2027-01-25 (45 working days on) and 2027-01-28 (the holidays' three later): none this week.
    expect(await ids('deadlines-due', officer)).toEqual([]);
    const open = ['wq-review-2', 'wq-review-other', 'wq-reviewed', 'wq-unassigned-2', 'wq-review-1', 'wq-unassigned-1'];
    expect(await ids('deadlines-due', officer, '&withinWorkingDays=45')).toEqual(open.slice(0, 4));
    // Friday 2027-01-22: the 25th is one working day ahead, the 28th four.
    expect(await ids('deadlines-due', auditor, '&asOf=2027-01-22&withinWorkingDays=3')).toEqual(open.slice(0, 4));
    expect(await ids('deadlines-due', auditor, '&asOf=2027-01-22&withinWorkingDays=4')).toEqual(open);
    // Long past every deadline: all still open, none dropped for being late.
    const overdue = await walk('deadlines-due', officer, '&asOf=2027-03-01', 4);
    expect(overdue).toEqual({ ids: open, pages: 2 });
    expect(await ids('deadlines-due', reviewer, '&asOf=2027-03-01')).toEqual([
      'wq-review-2',
      'wq-reviewed',
      'wq-review-1',
    ]);
    expect(await ids('deadlines-due', otherReviewer, '&withinWorkingDays=45')).toEqual(['wq-review-other']);
  });

  it('lists active licenses expiring within N days and those nearly used up', async () => {
    expect(await ids('expiring-licenses', officer)).toEqual(['L-wq-soon']);
    expect(await ids('expiring-licenses', auditor, '&withinDays=366')).toEqual(['L-wq-soon', 'L-wq-later']);
    // On its last day it is still active; the day after it has expired and left the queue.
    expect(await ids('expiring-licenses', officer, '&asOf=2026-12-10&withinDays=0')).toEqual(['L-wq-soon']);
    expect(await ids('expiring-licenses', officer, '&asOf=2026-12-11')).toEqual([]);
    // 95 of 100 kg shipped: 5 % left.
    expect(await ids('nearly-exhausted', officer)).toEqual(['L-wq-later']);
    expect(await ids('nearly-exhausted', officer, '&thresholdPercent=4')).toEqual([]);
    expect(await ids('nearly-exhausted', auditor, '&thresholdPercent=100')).toEqual(['L-wq-soon', 'L-wq-later']);
  });

  it('answers the widest window of the last asOf it takes, and refuses a later asOf (no date ends its window)', async () => {
    for (const [url, status] of [
      ['/work-queues/deadlines-due?asOf=9998-12-30&withinWorkingDays=45', 200],
      ['/work-queues/expiring-licenses?asOf=9998-12-30&withinDays=366', 200],
      ['/work-queues/expiring-licenses?asOf=9998-12-31&withinDays=366', 400],
      ['/work-queues/deadlines-due?asOf=9999-12-31&withinWorkingDays=45', 400],
      ['/work-queues/awaiting-acceptance?asOf=9999-01-01', 400],
    ] as const) {
      const reply = await client.get(url, officer);
      expect({ url, status: reply.status }).toEqual({ url, status });
    }
  });

  it('answers every queue to every person role as its row of the permissions table says', async () => {
    for (const [queue, { operation }] of Object.entries(WORK_QUEUES)) {
      for (const as of [exporterUser, officer, reviewer, policyOfficer, auditor, opsUser]) {
        const reply = await client.get(`/work-queues/${queue}`, as);
        const expected = isAllowed(operation, as.role)
          ? { status: 200 }
          : { status: 403, code: 'work_queue.forbidden', allowed: [...allowedRoles(operation)] };
        const got = { status: reply.status, code: reply.body.code, allowed: reply.body.allowed };
        expect({ queue, role: as.role, ...got }).toEqual({ queue, role: as.role, ...expected });
      }
    }
  });

  it('refuses as the permissions table says, and an unknown queue, parameter or cursor as a problem', async () => {
    const refusals: [string, As, number, string][] = [
      ['/work-queues/awaiting-acceptance', exporterUser, 403, 'work_queue.forbidden'],
      ['/work-queues/assigned-to-me', officer, 403, 'work_queue.forbidden'],
      ['/work-queues/unassigned', reviewer, 403, 'work_queue.forbidden'],
      ['/work-queues/expiring-licenses', reviewer, 403, 'work_queue.forbidden'],
      ['/work-queues/my-inbox', officer, 404, 'work_queue.not_found'],
      ['/work-queues/__proto__', officer, 404, 'work_queue.not_found'],
      ['/work-queues/unassigned?withinDays=3', officer, 400, 'request.invalid'],
      ['/work-queues/deadlines-due?withinWorkingDays=46', officer, 400, 'request.invalid'],
      ['/work-queues/nearly-exhausted?thresholdPercent=101', officer, 400, 'request.invalid'],
      ['/work-queues/awaiting-acceptance?limit=0', officer, 400, 'request.invalid'],
      ['/work-queues/awaiting-acceptance?cursor=not-a-cursor', officer, 400, 'request.invalid_cursor'],
    ];
    for (const [url, as, status, code] of refusals) {
      const reply = await client.get(url, as);
      expect({ url, status: reply.status, code: reply.body?.code }).toEqual({ url, status, code });
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // A cursor of a queue with another order is not this queue's.
    const first = await client.get('/work-queues/unassigned?limit=1', officer);
    const foreign = encodeURIComponent(first.body.nextCursor as string);
    const reply = await client.get(`/work-queues/awaiting-acceptance?cursor=${foreign}`, officer);
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status: 400, code: 'request.invalid_cursor' });
    expect((await client.get('/work-queues/unassigned', null)).status).toBe(401);
  });
});
