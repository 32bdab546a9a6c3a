import {
  DecisionAudit,
  loadTreeHeadKeys,
  MerkleLogStore,
  VerifiableLog,
  verifyExport,
  verifyStore,
  writeExport,
} from '@licensing/audit';
import { openSqliteEventStore } from '@licensing/event-store';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BenchPart, Figure, Reference } from '../figures';
import { fillDecisionLog } from '@licensing/audit/testing';

/** Events in the standard run (× BENCH_SCALE): enough for a steady rate, small enough for the suite's budget. */
const EVENTS = 200_000;
const REPLAYS = 200;
const GOAL = { bound: 200_000 };

const clock = () => new Date().toISOString();
const seconds = (started: number) => (performance.now() - started) / 1000;

/** Seconds `work` took. */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return seconds(started);
}

/**
 * P5: the verifiable log over a log of approved applications — building the
 * Merkle tree, verifying online (store, recorded leaves, signed heads), the
 * complete export, verifying it offline — in events/s beside reading the
 * same events with nothing checked (the ceiling); and decision replay (each
 * reads and chain-checks its streams, re-evaluates, proves inclusion).
 */
export const p5Audit: BenchPart = {
  id: 'P5',
  title: 'log verification and decision replay',
  async run({ scale, workDir, say }) {
    const store = openSqliteEventStore({ filename: join(workDir, 'log.sqlite'), synchronous: 'NORMAL' });
    const tree = MerkleLogStore.open(join(workDir, 'audit.sqlite'));
    const keys = loadTreeHeadKeys({ defaultFile: join(workDir, 'key.pem') });
    const log = new VerifiableLog(store, tree, keys, { now: clock, signEveryMs: 0 });
    try {
      const filling = performance.now();
      const applications = await fillDecisionLog(store, workDir, EVENTS * scale, say);
      say(`filled in ${seconds(filling).toFixed(0)} s`);
      let size = 0;
      const readSeconds = await timed(async () => {
        let from: bigint | undefined;
        for (;;) {
          const page = await store.readAll({ fromPosition: from, maxCount: 10_000, raw: true });
          if (page.length === 0) return;
          size += page.length;
          from = page.at(-1)!.position + 1n;
        }
      });
      const read = size / readSeconds;
      const ceiling: Reference = { what: 'reading $all, nothing checked', value: read };
      const figure = (id: string, what: string, value: number): Figure => ({
        id: `P5.${id}`,
        what,
        value,
        unit: 'events/s',
        better: 'higher',
        reference: ceiling,
        goal: GOAL,
        details: { events: size },
      });

      const built = size / (await timed(() => log.catchUp()));
      const head = await log.signNow();
      say('tree built; verifying online');
      const online =
        size /
        (await timed(async () => {
          const report = await verifyStore(store, tree, keys.publicKey, {});
          if (!report.ok) throw new Error(`the untouched log did not verify: ${report.summary}`);
        }));
      const exportFile = join(workDir, 'export.ndjson');
      const exported =
        size /
        (await timed(async () => {
          const out = createWriteStream(exportFile);
          const write = async (line: string) => {
            if (!out.write(line)) await once(out, 'drain');
          };
          await writeExport(store, tree, { treeHead: head, filter: {}, exportedAt: clock() }, write);
          out.end();
          await once(out, 'finish');
        }));
      say('exported; verifying offline');
      const offline =
        size /
        (await timed(async () => {
          const lines = createInterface({ input: createReadStream(exportFile), crlfDelay: Infinity });
          const report = await verifyExport(lines, { publicKey: keys.publicKey, trustedHead: head });
          if (!report.ok) throw new Error(`the export did not verify: ${report.summary}`);
        }));
      const audit = new DecisionAudit(store, log, () => []);
      const replays = Math.min(REPLAYS, applications);
      const replayed =
        replays /
        (await timed(async () => {
          for (let n = 0; n < replays; n++) {
            const result = await audit.replay(`bench-${n * Math.floor(applications / replays)}`);
            if (result.kind !== 'audited' || !result.answer.matches) throw new Error(`replay ${n} did not match`);
          }
        }));
      return [
        figure('tree', 'build the Merkle tree from $all', built),
        figure('verify-online', 'verify online: chains, recorded leaves, signed heads', online),
        figure('export', 'complete export, NDJSON to a file', exported),
        figure('verify-offline', 'verify the export offline (public key only)', offline),
        {
          id: 'P5.replay',
          what: 'decision replay from the log, chains checked, inclusion proved',
          value: replayed,
          unit: 'decisions/s',
          better: 'higher',
          details: { decisions: replays },
        },
      ];
    } finally {
      await log.stop();
      tree.close();
      await store.close();
    }
  },
};
