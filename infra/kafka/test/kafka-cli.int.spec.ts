// The broker scripts themselves: `node infra/kafka/kafka.mjs start|status|stop`
// (a thin CLI over startKafkaBroker / kafkaBrokerStatus / stopKafkaBroker)
// start a second broker on a free port that answers, refuse what would go
// wrong, and stop it so that no process is left behind. Jest runs CommonJS,
// so the ES module is driven through its CLI, as scripts and users do.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

jest.setTimeout(120_000);

const cli = join(__dirname, '..', 'kafka.mjs');
const pinnedVersion = /<kafka\.version>([^<]+)</.exec(readFileSync(join(__dirname, '..', 'pom.xml'), 'utf8'))?.[1];

function kafkaCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 110_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Gone, or a zombie waiting to be reaped. */
function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return / Z /.test(stat.slice(stat.lastIndexOf(')')));
}

describe('node infra/kafka/kafka.mjs', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'kafka-cli-spec-'));
  });

  afterEach(async () => {
    await kafkaCli(['stop', '--data-dir', dataDir]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a broker on a free loopback port that answers, and stop leaves no process behind', async () => {
    const started = await kafkaCli([
      'start',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--json',
      '--stop-with-pid',
      String(process.pid),
    ]);
    expect(started).toMatchObject({ code: 0 });
    const broker = JSON.parse(started.stdout) as { bootstrap: string; port: number; pid: number; version: string };
    expect(broker.bootstrap).toBe(`127.0.0.1:${broker.port}`);
    expect(broker.version).toBe(pinnedVersion);

    const admin = new Kafka({
      clientId: 'kafka-cli-spec',
      brokers: [broker.bootstrap],
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    const cluster = await admin.describeCluster().finally(() => admin.disconnect());
    expect(cluster.brokers).toEqual([{ nodeId: 1, host: '127.0.0.1', port: broker.port }]);

    const status = await kafkaCli(['status', '--data-dir', dataDir, '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ running: true, answers: true, pid: broker.pid });

    const again = await kafkaCli(['start', '--port', '0', '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`already runs from ${dataDir} (pid ${broker.pid}`);

    const stopped = await kafkaCli(['stop', '--data-dir', dataDir, '--json']);
    expect(JSON.parse(stopped.stdout)).toEqual({ outcome: 'stopped', pid: broker.pid });
    expect(processIsGone(broker.pid)).toBe(true);
    const after = await kafkaCli(['status', '--data-dir', dataDir]);
    expect(after).toMatchObject({ code: 1, stdout: `No Kafka broker runs from ${dataDir}.\n` });
  });

  it('refuses a port that is already taken, naming it', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await kafkaCli(['start', '--port', String(port), '--data-dir', dataDir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(existsSync(join(dataDir, 'broker.pid'))).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers a usage error with exit code 2 and the usage text', async () => {
    const result = await kafkaCli(['launch']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "launch"');
    expect(result.stderr).toContain('Usage: node infra/kafka/kafka.mjs <command> [options]');
  });
});
