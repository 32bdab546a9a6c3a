import { Kafka, logLevel } from 'kafkajs';
import { Writable } from 'node:stream';
import { createLogger } from './create-logger';
import { kafkaLogCreator, kafkaLogLevelFor } from './kafka-log-creator';
import { LogSettings } from './log-settings';

/** A destination that keeps what it is given, line by line. */
function collector() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString('utf8')
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  return { lines, stream, json: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes one JSON object a line, naming the app, at the level LOG_LEVEL maps to (log is info)', () => {
    const out = collector();
    const logger = createLogger({ app: 'licensing-service', LOG_LEVEL: 'log', destination: out.stream });
    logger.debug('not shown');
    logger.info({ relay: 'license-relay' }, 'Resuming after position 41');
    expect(out.json()).toEqual([
      {
        level: 30,
        time: expect.any(Number),
        app: 'licensing-service',
        relay: 'license-relay',
        msg: 'Resuming after position 41',
      },
    ]);
    expect(createLogger({ app: 'a', LOG_LEVEL: 'warn', destination: out.stream }).level).toBe('warn');
    expect(createLogger({ app: 'a', LOG_LEVEL: 'debug', destination: out.stream }).level).toBe('debug');
  });

  it('never writes an Authorization header, a cookie, a token or a password, wherever it is logged', () => {
    const out = collector();
    const logger = createLogger({ app: 'a', destination: out.stream });
    logger.info({
      req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'sid=1', accept: 'application/json' } },
      token: 'eyJsecret',
      auth: { token: 'eyJsecret', password: 'hunter2' },
    });
    expect(out.lines.join('\n')).not.toMatch(/eyJsecret|hunter2|sid=1/);
    expect(out.json()[0]).toMatchObject({ req: { headers: { accept: 'application/json' } } });
  });

  it('writes readable lines for a person (pretty, or auto on a terminal), JSON for anything else', () => {
    const pretty = collector();
    createLogger({ app: 'a', LOG_FORMAT: 'pretty', destination: pretty.stream }).info(
      'Mapped {/health/live, GET} route',
    );
    const auto = collector();
    createLogger({ app: 'a', LOG_FORMAT: 'auto', destination: auto.stream, isTerminal: true }).warn('slow');
    const json = collector();
    createLogger({ app: 'a', LOG_FORMAT: 'json', destination: json.stream, isTerminal: true }).warn('slow');
    expect(pretty.lines[0]).toMatch(/INFO.*: Mapped \{\/health\/live, GET\} route/);
    expect(() => JSON.parse(pretty.lines[0] ?? '')).toThrow();
    expect(auto.lines[0]).toMatch(/WARN.*: slow/);
    expect(JSON.parse(json.lines[0] ?? '')).toMatchObject({ level: 40, msg: 'slow' });
  });

  it('reads LOG_LEVEL and LOG_FORMAT from the environment, the old values included', () => {
    expect(LogSettings.parse({})).toEqual({ LOG_LEVEL: 'log', LOG_FORMAT: 'auto' });
    expect(LogSettings.parse({ LOG_LEVEL: 'error', LOG_FORMAT: 'json' })).toEqual({
      LOG_LEVEL: 'error',
      LOG_FORMAT: 'json',
    });
    expect(LogSettings.safeParse({ LOG_LEVEL: 'verbose' }).success).toBe(false);
  });
});

describe('kafkaLogCreator: kafkajs logs through the same logger', () => {
  it("turns kafkajs' own lines (here: a refused connection) into JSON lines with its namespace and fields", async () => {
    const out = collector();
    const logger = createLogger({ app: 'license-relay', destination: out.stream });
    const kafka = new Kafka({
      clientId: 'log-spec',
      // Nothing listens on port 1: kafkajs logs the refused connection at error.
      brokers: ['127.0.0.1:1'],
      retry: { retries: 0 },
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogCreator(logger),
    });
    const admin = kafka.admin();
    await expect(admin.connect()).rejects.toThrow();
    await admin.disconnect();
    const lines = out.json();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 50,
        app: 'license-relay',
        component: 'kafkajs',
        namespace: expect.any(String),
        msg: expect.stringMatching(/connect|ECONNREFUSED/i),
        broker: '127.0.0.1:1',
      }),
    );
  });

  it('asks kafkajs for info lines only when the app logs at debug', () => {
    const quiet = createLogger({ app: 'a', LOG_LEVEL: 'log', destination: collector().stream });
    const chatty = createLogger({ app: 'a', LOG_LEVEL: 'debug', destination: collector().stream });
    expect(kafkaLogLevelFor(quiet, logLevel.ERROR)).toBe(logLevel.ERROR);
    expect(kafkaLogLevelFor(chatty, logLevel.ERROR)).toBe(logLevel.INFO);
  });
});
