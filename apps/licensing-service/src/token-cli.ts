import { PersonRole } from '@licensing/domain';
import { IdentitySettings, mintLocalToken, usesLocalIssuer } from '@licensing/identity';
import { loadSettings } from '@licensing/platform';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * `npm run token -- --sub li.wei --role exporter --exporter ningbo-magnetics`:
 * prints a bearer token signed by the local issuer of DATA_DIR (creating its
 * key if there is none yet, so it works before the service first starts).
 * Only the token goes to stdout, so `$(npm run -s token -- …)` captures it.
 */
const USAGE = `Usage: npm run token -- --sub <user id> --role <role> [--exporter <id>]... [--ttl 8h]

Prints a bearer token signed by the service's local issuer (the key in DATA_DIR,
default data/; created if missing). Send it as: Authorization: Bearer <token>

  --sub <id>        the user id (the token's subject)
  --role <role>     one of ${PersonRole.options.join(', ')}
  --exporter <id>   an exporter the user acts for; required for --role exporter;
                    repeat it or give a comma-separated list
  --ttl <duration>  lifetime: 8h (default), 30m, 1d, 3600s or seconds; at most 30d
  --help            this text

Environment: DATA_DIR (default data); AUTH_ISSUER, AUTH_AUDIENCE and the AUTH_*_CLAIM
names as the service is configured. With AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE set,
the service trusts another issuer and will refuse these tokens.`;

const MAX_TTL_SECONDS = 30 * 24 * 3600;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

const CliSettings = IdentitySettings.extend({ DATA_DIR: z.string().min(1).default('data') });

/** A bad invocation: the message and exit code 2, as a shell expects. */
class UsageError extends Error {}

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs the CLI; resolves to the process exit code (0, 1 for a failure, 2 for bad arguments). */
export async function runTokenCli(argv: readonly string[], env: NodeJS.ProcessEnv, io: CliIo): Promise<number> {
  try {
    const args = parse(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const settings = settingsFrom(env);
    if (!usesLocalIssuer(settings)) {
      io.err('Note: AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE is set, so the service will not accept this token.');
    }
    const token = await mintLocalToken(settings.DATA_DIR, {
      sub: args.sub,
      role: args.role,
      exporterIds: args.exporterIds,
      ttlSeconds: args.ttlSeconds,
      ...(settings.AUTH_ISSUER === undefined ? {} : { issuer: settings.AUTH_ISSUER }),
      audience: settings.AUTH_AUDIENCE,
      claims: {
        subject: settings.AUTH_SUBJECT_CLAIM,
        roles: settings.AUTH_ROLES_CLAIM,
        exporters: settings.AUTH_EXPORTERS_CLAIM,
      },
    });
    io.out(token);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nRun npm run token -- --help for the options.`);
      return 2;
    }
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}

interface Args {
  help: boolean;
  sub: string;
  role: PersonRole;
  exporterIds: string[];
  ttlSeconds: number;
}

function parse(argv: readonly string[]): Args {
  let values: { sub?: string; role?: string; exporter?: string[]; ttl?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        sub: { type: 'string' },
        role: { type: 'string' },
        exporter: { type: 'string', multiple: true },
        ttl: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { help: true, sub: '', role: 'auditor', exporterIds: [], ttlSeconds: 0 };
  const sub = values.sub?.trim();
  if (!sub) throw new UsageError('--sub is required: the user id the token stands for.');
  const role = PersonRole.safeParse(values.role);
  if (!role.success) {
    const why = values.role === 'system' ? "'system' is the service's own role; no token may carry it" : 'is required';
    throw new UsageError(`--role ${why}; use one of ${PersonRole.options.join(', ')}.`);
  }
  const exporterIds = (values.exporter ?? []).flatMap((list) => list.split(',').map((id) => id.trim())).filter(Boolean);
  if (role.data === 'exporter' && exporterIds.length === 0) {
    throw new UsageError('--exporter is required with --role exporter: the exporters the user acts for.');
  }
  if (role.data !== 'exporter' && exporterIds.length > 0) {
    throw new UsageError(`--exporter is only for --role exporter; a ${role.data} acts for no exporter.`);
  }
  return { help: false, sub, role: role.data, exporterIds, ttlSeconds: ttlSeconds(values.ttl ?? '8h') };
}

function ttlSeconds(text: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim());
  const seconds = match ? Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? 1) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0 || seconds > MAX_TTL_SECONDS) {
    throw new UsageError(`--ttl '${text}' is not a lifetime between 1s and 30d, e.g. 8h, 30m, 1d or 3600.`);
  }
  return seconds;
}

/** The same settings loader and messages as the service; a bad variable is a bad invocation too. */
function settingsFrom(env: NodeJS.ProcessEnv): z.output<typeof CliSettings> {
  try {
    return loadSettings('token', CliSettings, env);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

if (require.main === module) {
  void runTokenCli(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
