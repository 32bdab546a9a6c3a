import type { EventStore } from '@licensing/event-store';
import { fixedMetadata } from '@licensing/event-store/testing';
import { EventStreamParser } from '@licensing/platform';
import {
  approvedApplication,
  type As,
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  type ServiceClient,
} from '@licensing/service-testing';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { EVENT_STORE } from '../src/infrastructure/tokens';
import { LiveTails } from '../src/ops/live-tails';
import { TailClient, type TailMessage, tailMessage } from './live-tail-client';
import { OpenApiContract } from './openapi-contract';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const REPO_ROOT = join(__dirname, '..', '..', '..');
const BUFFER_EVENTS = 20;
const MAX_TAILS = 4;

/**
 * GET /ops/events/live against the running service: catch-up then live,
 * resume by Last-Event-ID, filters, heartbeats, the refusals, the cap on open
 * tails, a slow client cut off with its memory bounded, and no subscription
 * left behind by a client that hangs up or a service that stops.
 */
describe('the live tail (GET /ops/events/live)', () => {
  const service = new RunningService();
  let client: ServiceClient;
  const open: TailClient[] = [];
  const tails = () => service.provider<LiveTails>(LiveTails);

  async function tail(query = '', as: As | null = opsUser, headers: Record<string, string> = {}) {
    const token = as === null ? null : await client.token(as);
    const opened = await TailClient.open(`${client.url}/ops/events/live${query}`, token, headers);
    open.push(opened);
    return opened;
  }
  /** Every stored event of streams starting with `prefix`, in `$all` order, as /audit/events shows them. */
  async function logged(prefix: string): Promise<{ position: string; type: string; streamId: string }[]> {
    const reply = await client.get(`/audit/events?streamPrefix=${prefix}&limit=1000`, auditor);
    return reply.body.events;
  }
  const recorded = (messages: TailMessage[]) =>
    messages.map((m) => ({ id: m.id, event: m.event, position: m.data.position, type: m.data.type }));
  /** A metric without labels, as GET /metrics shows it now. */
  async function metric(name: string): Promise<number> {
    const text = (await client.get('/metrics', null)).body as string;
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  }
  /** The OpenAPI document the service serves, to hold answers to. */
  const documented = async () => new OpenApiContract((await client.get('/openapi.json', auditor)).body);
  /** Until the tails the service holds are what the test expects, within 5 s unless told. */
  async function untilTails(
    check: (status: ReturnType<LiveTails['status']>) => boolean,
    timeoutMs = 5000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(tails().status())) {
      if (Date.now() > deadline) throw new Error(`The tails never got there: ${JSON.stringify(tails().status())}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  beforeAll(async () => {
    client = await service.start(NOW, {
      LIVE_TAIL_HEARTBEAT_MS: '100',
      LIVE_TAIL_BUFFER_EVENTS: String(BUFFER_EVENTS),
      LIVE_TAIL_MAX_CONNECTIONS: String(MAX_TAILS),
    });
    await approvedApplication(client, 'app-tail-1');
  });
  afterEach(async () => {
    open.splice(0).forEach((t) => t.close());
    if (service.running) await untilTails((status) => status.open === 0);
  });
  afterAll(() => service.dispose());

  it("catches up from a position (inclusive), then a command's events arrive within a second of its answer", async () => {
    const history = await logged('application-app-tail-1');
    const from = history[1]!.position;
    const live = await tail(`?from=${from}&streamPrefix=application-app-tail-1`);
    expect(live.status).toBe(200);
    expect(live.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(live.response.headers.get('cache-control')).toBe('no-store');
    const caughtUp = await live.messages(history.length - 1);
    expect(recorded(caughtUp)).toEqual(
      history.slice(1).map((e) => ({ id: e.position, event: 'recorded', position: e.position, type: e.type })),
    );

    const draft = await client.post('/applications', exporterUser, magnetApplication('app-tail-1b'));
    expect(draft.status).toBe(201);
    const answered = Date.now();
    const [arrived] = await live.messages(1, answered + 1000);
    expect(arrived?.data).toMatchObject({ streamId: 'application-app-tail-1b', type: 'ApplicationDrafted' });
    // The whole envelope, raw, as /audit/events shows it.
    const [inLog] = (await client.get(`/audit/events?fromPosition=${arrived?.id}&limit=1`, auditor)).body.events;
    expect(arrived?.data).toEqual(inLog);
  });

  it('starts at the head without from: only events appended after it opened', async () => {
    const live = await tail('?category=application');
    await client.post('/applications', exporterUser, magnetApplication('app-tail-2'));
    const answered = Date.now();
    const [first] = await live.messages(1, answered + 1000);
    expect(first?.data).toMatchObject({ streamId: 'application-app-tail-2', type: 'ApplicationDrafted' });
  });

  it('resumes after Last-Event-ID with exactly the events that follow it, whatever from says', async () => {
    const history = await logged('application-app-tail-1');
    const seen = history[3]!.position;
    const resumed = await tail('?from=0&streamPrefix=application-app-tail-1,nothing-', auditor, {
      'Last-Event-ID': seen,
    });
    const messages = await resumed.messages(history.length - 4);
    expect(messages.map((m) => m.id)).toEqual(history.slice(4).map((e) => e.position));
  });

  it('filters by stream prefix, category and event type, repeated or comma-separated', async () => {
    const positions = (events: { position: string }[]) =>
      events.map((e) => e.position).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const reviewing = ['ReviewerAssigned', 'ApplicationApproved'];
    const types = await tail(`?from=0&category=application&type=${reviewing[0]}&type=${reviewing[1]}`);
    const expected = (await logged('application-')).filter((e) => reviewing.includes(e.type));
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect((await types.messages(expected.length)).map((m) => m.id)).toEqual(positions(expected));

    // `control` is the category of control-measure-… streams; with a prefix, a stream matching either.
    const wanted = ['ExporterRegistered', 'MeasurePublished'];
    const either = await tail(`?from=0&category=control&streamPrefix=exporter-&type=${wanted.join(',')}`);
    const both = [...(await logged('control-measure-')), ...(await logged('exporter-'))];
    const matching = both.filter((e) => wanted.includes(e.type));
    expect(new Set(matching.map((e) => e.type))).toEqual(new Set(wanted));
    expect((await either.messages(matching.length)).map((m) => m.id)).toEqual(positions(matching));
  });

  it('sends a heartbeat comment every LIVE_TAIL_HEARTBEAT_MS while nothing happens', async () => {
    const quiet = await tail('?streamPrefix=nothing-ever-');
    const deadline = Date.now() + 2000;
    expect(await quiet.next(deadline)).toEqual({ kind: 'comment', text: 'heartbeat' });
    expect(await quiet.next(deadline)).toEqual({ kind: 'comment', text: 'heartbeat' });
  });

  it('refuses with problem details before streaming: no token, a role without it, a bad position or filter', async () => {
    const refusals: [number, string, string, As | null, Record<string, string>?][] = [
      [401, 'request.unauthenticated', '', null],
      [403, 'ops.forbidden', '', officer],
      [403, 'ops.forbidden', '', exporterUser],
      [400, 'request.invalid', '?from=-1', opsUser],
      [400, 'request.invalid', '?from=99999999999999999999', opsUser],
      [400, 'request.invalid', '?category=control-measure', opsUser],
      [400, 'request.invalid', '?type=', opsUser],
      [400, 'request.invalid', '?colour=red', opsUser],
      [400, 'request.invalid_last_event_id', '', auditor, { 'Last-Event-ID': 'yesterday' }],
    ];
    for (const [status, code, query, as, headers] of refusals) {
      const refused = await tail(query, as, headers);
      expect({ query, status: refused.status, type: refused.response.headers.get('content-type') }).toEqual({
        query,
        status,
        type: expect.stringContaining('application/problem+json'),
      });
      expect((await refused.problem()).code).toBe(code);
    }
    expect(tails().status().open).toBe(0);
  });

  it('refuses one tail more than LIVE_TAIL_MAX_CONNECTIONS with a 503 problem, and takes it once one closes', async () => {
    const running = await Promise.all(Array.from({ length: MAX_TAILS }, () => tail()));
    expect(running.map((t) => t.status)).toEqual(Array(MAX_TAILS).fill(200));
    expect(await metric('licensing_live_tails_open')).toBe(MAX_TAILS);
    const refused = await tail();
    const problem = await refused.problem();
    expect({ status: refused.status, problem }).toMatchObject({
      status: 503,
      problem: { code: 'ops.too_many_live_tails', limit: MAX_TAILS },
    });
    const reply = { status: refused.status, headers: refused.response.headers, body: problem };
    expect((await documented()).problems('get', '/ops/events/live', reply)).toEqual([]);
    running[0]!.close();
    await untilTails((status) => status.open === MAX_TAILS - 1);
    expect((await tail()).status).toBe(200);
  });

  it('stops the subscription of a client that hangs up', async () => {
    const leaving = await tail('?from=0');
    await leaving.messages(1);
    await untilTails((status) => status.subscriptions === 1);
    leaving.close();
    await untilTails((status) => status.open === 0 && status.subscriptions === 0);
  });

  it('cuts off a client that does not read: fell-behind names the last event it got, memory stays bounded', async () => {
    const stalled = await stalledTail(client.url, await client.token(opsUser), '?streamPrefix=filler-');
    try {
      await untilTails((status) => status.tails[0]?.live === true);
      // A burst far larger than the socket buffers (about 24 MB).
      const store = service.provider<EventStore>(EVENT_STORE);
      const burst = 480;
      for (let n = 0; n < burst; n += 60)
        await store.append('filler-1', fillerEvents(60, n), {
          expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1),
        });

      await untilTails((status) => status.fellBehind === 1 && status.subscriptions === 0);
      // However far behind it was, the server never held more than the buffer for it.
      expect(tails().status().maxBuffered).toBe(BUFFER_EVENTS);
      expect(await metric('licensing_live_tail_fell_behind_total')).toBe(1);

      // Reading at last: what was delivered (far from all of it), then fell-behind, then the end of the stream.
      const messages = await stalled.readToEnd();
      const events = messages.filter((m) => m.event === 'recorded');
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBeLessThan(burst);
      expect(events.map((m) => m.data.revision)).toEqual([...Array(events.length).keys()]);
      const last = events.at(-1)!.id!;
      expect(messages.at(-1)).toEqual({ event: 'fell-behind', data: { resumeFrom: last } });
      const reply = { status: 200, headers: stalled.headers, body: messages.slice(-2) };
      expect((await documented()).problems('get', '/ops/events/live', reply)).toEqual([]);
      await untilTails((status) => status.open === 0);

      // Coming back with Last-Event-ID: exactly the events after the last one it got.
      const resumed = await tail('?streamPrefix=filler-', opsUser, { 'Last-Event-ID': last });
      const rest = await resumed.messages(burst - events.length, Date.now() + 20_000);
      expect(rest.map((m) => m.data.revision)).toEqual(
        Array.from({ length: burst - events.length }, (_, i) => events.length + i),
      );
    } finally {
      stalled.destroy();
    }
  }, 60_000);

  it("is what the CLI's ops tail prints, one line per event, until Ctrl-C", async () => {
    const cli = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', 'ops', 'tail'],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env['PATH'], LICENSING_URL: client.url, LICENSING_TOKEN: await client.token(auditor) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let printed = '';
    cli.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.on('exit', resolve));
    try {
      // ts-node compiles the CLI first: seconds on a busy machine.
      await untilTails((status) => status.open === 1, 45_000);
      const draft = await client.post('/applications', exporterUser, magnetApplication('app-tail-cli'));
      const position = draft.body.position as string;
      const line = new RegExp(
        `^ *${position}  ${NOW}  application-app-tail-cli  ApplicationDrafted  li\\.wei \\(exporter\\)$`,
        'm',
      );
      const deadline = Date.now() + 5000;
      while (!line.test(printed)) {
        if (Date.now() > deadline) throw new Error(`The CLI did not print the event: ${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      cli.kill('SIGINT');
      expect(await exited).toBe(0);
      await untilTails((status) => status.open === 0);
    } finally {
      cli.kill('SIGKILL');
    }
  }, 60_000);

  it('ends every open tail when the service stops', async () => {
    const running = await tail('?from=0&streamPrefix=exporter-');
    await running.messages(1);
    await service.stop();
    expect(await running.rest()).toBeDefined();
    expect(await running.next()).toBeNull();
  });
});

/** Filler events of about 48 KB each: few of them fill a socket. */
function fillerEvents(count: number, from: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    type: 'FillerRecorded',
    version: 1,
    data: { n: from + i, padding: 'x'.repeat(48 * 1024) },
    metadata: fixedMetadata(),
  }));
}

/**
 * A tail over a raw HTTP request whose answer nobody reads: its bytes pile
 * up in the socket until TCP stops the server. `readToEnd` reads at last.
 */
async function stalledTail(url: string, token: string, query: string) {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const request = httpRequest(`${url}/ops/events/live${query}`, { headers: { Authorization: `Bearer ${token}` } });
    request.on('response', resolve).on('error', reject).end();
  });
  if (response.statusCode !== 200) throw new Error(`The tail answered ${response.statusCode}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) if (typeof value === 'string') headers.set(name, value);
  return {
    headers,
    async readToEnd(): Promise<TailMessage[]> {
      const parser = new EventStreamParser();
      const messages: TailMessage[] = [];
      response.setEncoding('utf8');
      for await (const text of response as AsyncIterable<string>)
        for (const item of parser.push(text)) if (item.kind === 'message') messages.push(tailMessage(item));
      return messages;
    },
    destroy: () => response.destroy(),
  };
}
