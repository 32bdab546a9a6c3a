import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../cli-failure';
import type { CliIo } from '../output';
import { GET_A_TOKEN, type ServiceTarget, type TokenRole } from '../service-client';

/** What every audit command receives. */
export interface CommandContext {
  readonly io: CliIo;
  readonly env: NodeJS.ProcessEnv;
}

export interface AuditCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: readonly string[], context: CommandContext): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `--json`, and for the commands that reach the service `--url` and `--token`. */
export const JSON_OPTION = { json: { type: 'boolean' } } as const;
export const SERVICE_OPTIONS = { url: { type: 'string' }, token: { type: 'string' }, ...JSON_OPTION } as const;

export const SERVICE_USAGE = `  --url <url>       the licensing service (default: env LICENSING_URL, else http://127.0.0.1:3000)
  --token <jwt>     an auditor's bearer token (default: env LICENSING_TOKEN);
                    ${GET_A_TOKEN}
  --json            print the machine answer (JSON) instead of text
  --help            this text`;

/** Strict: an unknown option or a missing value is a usage error (exit 2). */
export function parseOptions<const O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message, command);
  }
}

export function required(value: string | undefined, option: string, command: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`--${option} is required: ${what}.`, command);
  return value;
}

/** Where the service is and the token to send; the token is required (`role`: the one to ask for). */
export function serviceTarget(
  values: { url?: string; token?: string },
  env: NodeJS.ProcessEnv,
  command: string,
  role: TokenRole = 'auditor',
): ServiceTarget {
  const url = values.url ?? env['LICENSING_URL'] ?? 'http://127.0.0.1:3000';
  if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol))
    throw new UsageError(`--url '${url}' is not an http(s) URL, e.g. http://127.0.0.1:3000.`, command);
  const token = (values.token ?? env['LICENSING_TOKEN'] ?? '').trim();
  if (token === '')
    throw new UsageError(
      `A bearer token is required: pass --token or set LICENSING_TOKEN; ${GET_A_TOKEN.replace('auditor', role)}.`,
      command,
    );
  return { url, token };
}

/** A whole number ≥ 0 given as an option, e.g. --tree-size. */
export function wholeNumber(value: string | undefined, option: string, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value.trim()))
    throw new UsageError(`--${option} '${value}' is not a whole number ≥ 0.`, command);
  return Number(value.trim());
}

/** An ISO 8601 instant given as an option, e.g. --from 2026-01-01T00:00:00Z. */
export function instant(value: string | undefined, option: string, command: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value)))
    throw new UsageError(`--${option} '${value}' is not an ISO 8601 instant, e.g. 2026-11-30T08:00:00Z.`, command);
  return value;
}

/** A legal date given as an option, e.g. --valid-on 2026-11-30. */
export function legalDate(value: string | undefined, option: string, command: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw new UsageError(`--${option} '${value}' is not a date YYYY-MM-DD, e.g. 2026-11-30.`, command);
  return value;
}
