/**
 * `npm run bench`: issue 15's one benchmark suite. Never part of `npm test`:
 * its figures depend on the machine, so it reports them (and fails only when
 * a part cannot run). Each figure stands beside its ceiling or peer measured
 * in the same run.
 *
 * Settings: BENCH_PARTS=P1,P3 (default all), BENCH_SCALE=1|10|100 (data
 * multiplier, to show how cost grows), BENCH_SECONDS (per throughput
 * scenario), BENCH_JSON (default tmp/bench/bench.json).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/built-apps';
import type { BenchContext, BenchPart, Figure } from './figures';
import { machineNow, withEndLoad } from './machine';
import { BENCH_PARTS } from './parts';
import { printAndSave, type SuiteRun } from './suite-report';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return value;
}

function selectedParts(): BenchPart[] {
  const wanted = process.env['BENCH_PARTS']?.split(',').map((id) => id.trim().toUpperCase());
  if (wanted === undefined) return [...BENCH_PARTS];
  const unknown = wanted.filter((id) => !BENCH_PARTS.some((part) => part.id === id));
  if (unknown.length > 0)
    throw new Error(`Unknown BENCH_PARTS ${unknown.join(', ')}; known: ${BENCH_PARTS.map((p) => p.id).join(', ')}`);
  return BENCH_PARTS.filter((part) => wanted.includes(part.id));
}

async function main(): Promise<void> {
  const parts = selectedParts();
  const scale = setting('BENCH_SCALE', 1);
  const seconds = setting('BENCH_SECONDS', 5);
  const jsonFile = process.env['BENCH_JSON'] ?? join(REPO_ROOT, 'tmp', 'bench', 'bench.json');
  const machine = machineNow();
  const figures: Figure[] = [];
  const failures: SuiteRun['failures'][number][] = [];
  const timings: SuiteRun['parts'][number][] = [];
  for (const part of parts) {
    const workDir = mkdtempSync(join(tmpdir(), `bench-${part.id.toLowerCase()}-`));
    const context: BenchContext = {
      scale,
      seconds,
      workDir,
      say: (line) => process.stderr.write(`${part.id} ${line}\n`),
    };
    const started = Date.now();
    context.say(`${part.title}…`);
    try {
      figures.push(...(await part.run(context)));
    } catch (error) {
      failures.push({ part: part.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
      timings.push({ id: part.id, title: part.title, seconds: Math.round((Date.now() - started) / 100) / 10 });
    }
  }
  printAndSave(
    {
      measuredAt: new Date().toISOString(),
      machine: withEndLoad(machine),
      settings: { BENCH_SCALE: scale, BENCH_SECONDS: seconds, BENCH_PARTS: parts.map((p) => p.id).join(',') },
      parts: timings,
      figures,
      failures,
    },
    jsonFile,
  );
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
