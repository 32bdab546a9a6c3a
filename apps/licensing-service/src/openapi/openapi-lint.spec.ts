import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../config';
import { OpenApiController } from './openapi.controller';

const REPO_ROOT = resolve(__dirname, '../../../..');
const REDOCLY = join(REPO_ROOT, 'node_modules/@redocly/cli/bin/cli.js');
const CONFIG = join(REPO_ROOT, 'redocly.yaml');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string; location: { pointer?: string }[] }[];
}

/** `redocly lint` with the repository's redocly.yaml on one document; its JSON report. */
function lint(document: unknown): LintReport {
  const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
  try {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const run = spawnSync(process.execPath, [REDOCLY, 'lint', file, '--config', CONFIG, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 60_000,
    });
    if (run.error) throw run.error;
    try {
      return JSON.parse(run.stdout) as LintReport;
    } catch {
      throw new Error(`redocly lint gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const findings = (report: LintReport) =>
  report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);

/** The document exactly as GET /openapi.json serves it: the controller's, from the service's settings, as JSON. */
const served = (env: Record<string, string>) =>
  JSON.parse(JSON.stringify(new OpenApiController(loadConfig(env)).openApi())) as Record<string, unknown>;

describe('the OpenAPI document passes redocly lint (recommended + redocly.yaml)', () => {
  it('as the service serves it by default: its own issuer, rate limits on', () => {
    expect(findings(lint(served({})))).toEqual([]);
  }, 60_000);

  it("as it serves it with an identity provider's keys and the rate limits off", () => {
    const document = served({
      AUTH_ISSUER: 'https://sso.example.com/realms/licensing',
      AUTH_JWKS_URL: 'https://sso.example.com/realms/licensing/protocol/openid-connect/certs',
      RATE_LIMIT_PER_MINUTE: '0',
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '0',
    });
    expect(Object.keys(document['paths'] as object)).not.toContain('/.well-known/jwks.json');
    expect(findings(lint(document))).toEqual([]);
  }, 60_000);

  it('reports what is wrong: the lint is no formality', () => {
    const document = served({}) as { paths: Record<string, { get?: Record<string, unknown> }> };
    delete document.paths['/licenses']?.get?.['summary'];
    const report = lint(document);
    expect(report.totals.errors).toBeGreaterThan(0);
    expect(findings(report)).toEqual([expect.stringContaining('operation-summary at #/paths/~1licenses/get')]);
  }, 60_000);
});
