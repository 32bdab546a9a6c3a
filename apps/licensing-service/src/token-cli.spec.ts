import { IdentitySettings, openIdentity } from '@licensing/identity';
import { decodeJwt } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTokenCli } from './token-cli';

describe('the token CLI (npm run token)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'token-cli-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTokenCli(
      args,
      { DATA_DIR: dataDir, ...env },
      {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints only a token the service (same DATA_DIR, before its first start) accepts', async () => {
    const { code, out, err } = await run(['--sub', 'li.wei', '--role', 'exporter', '--exporter', 'ningbo-magnetics']);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { verifier } = await openIdentity(IdentitySettings.parse({}), dataDir);
    expect(await verifier.verify(out)).toEqual({
      id: 'li.wei',
      role: 'exporter',
      issuer: 'urn:export-licensing:local-issuer',
      exporterIds: ['ningbo-magnetics'],
    });
  });

  it('takes a lifetime, several exporters, and the audience and claim names the service is configured with', async () => {
    const { out } = await run(
      ['--sub=li.wei', '--role=exporter', '--exporter', 'a,b', '--exporter', 'c', '--ttl', '30m'],
      {
        AUTH_AUDIENCE: 'api://licensing',
        AUTH_ROLES_CLAIM: 'realm_access.roles',
      },
    );
    const claims = decodeJwt(out);
    expect(claims).toMatchObject({
      aud: 'api://licensing',
      'realm_access.roles': ['exporter'],
      exporter_ids: ['a', 'b', 'c'],
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(30 * 60);
  });

  it.each([
    [[], /--sub is required/],
    [['--sub', 'x'], /--role is required; use one of exporter, licensing_officer/],
    [['--sub', 'x', '--role', 'system'], /'system' is the service's own role/],
    [['--sub', 'x', '--role', 'admin'], /--role is required; use one of/],
    [['--sub', 'li.wei', '--role', 'exporter'], /--exporter is required with --role exporter/],
    [['--sub', 'x', '--role', 'auditor', '--exporter', 'a'], /--exporter is only for --role exporter/],
    [['--sub', 'x', '--role', 'auditor', '--ttl', '1y'], /--ttl '1y' is not a lifetime/],
    [['--sub', 'x', '--role', 'auditor', '--ttl', '31d'], /--ttl '31d'/],
    [['--sub', 'x', '--role', 'auditor', '--colour'], /Unknown option '--colour'/],
    [['--sub', 'x', '--role', 'auditor', 'extra'], /positional/],
  ])('refuses %j with a message and exit code 2', async (args, message) => {
    const { code, out, err } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
    expect(err).toContain('npm run token -- --help');
  });

  it('refuses a bad AUTH_* variable with exit code 2, naming it', async () => {
    const { code, err } = await run(['--sub', 'x', '--role', 'auditor'], { AUTH_ALGORITHMS: 'HS256' });
    expect(code).toBe(2);
    expect(err).toMatch(/AUTH_ALGORITHMS: HS256 is a shared-secret algorithm/);
  });

  it('explains itself with --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run token -- --sub <user id> --role <role>/);
    expect(out).toContain('--exporter <id>');
  });
});
