// Reads the JSON reports every project's Jest run writes to
// tmp/jest-results/ and adds them up, so one line tells how many tests ran.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const resultsDir = new URL('../../tmp/jest-results/', import.meta.url).pathname;

export function readResults() {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const report = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
      return {
        project: file.replace(/\.json$/, ''),
        passed: report.numPassedTests,
        failed: report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0),
        skipped: report.numPendingTests + (report.numTodoTests ?? 0),
      };
    });
}

export function total(results) {
  return results.reduce(
    (sum, r) => ({
      passed: sum.passed + r.passed,
      failed: sum.failed + r.failed,
      skipped: sum.skipped + r.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : '');
}

// CLI (used by .ci/run): skipped tests on their own line, then the plain
// closing line `N passed, N failed` and nothing after it.
if (process.argv[1] === new URL(import.meta.url).pathname) {
  const sum = total(readResults());
  if (sum.skipped) console.log(`${sum.skipped} skipped (named in the Jest output above)`);
  console.log(`${sum.passed} passed, ${sum.failed} failed`);
}
