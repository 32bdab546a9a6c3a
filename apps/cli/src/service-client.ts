import { CliFailure } from './cli-failure';

/** The licensing service a network command talks to, and the bearer token it sends. */
export interface ServiceTarget {
  readonly url: string;
  readonly token: string;
}

export type Query = Readonly<Record<string, string | number | undefined>>;

export const GET_A_TOKEN = 'get one with npm run token -- --sub <you> --role auditor';

/** The role a command's token needs: what a 403 tells the user to get. */
export type TokenRole = 'auditor' | 'ops';

const HINTS: Readonly<Record<number, (role: TokenRole) => string>> = {
  401: (role) =>
    ` Your token is missing, expired or not trusted by this service: ${GET_A_TOKEN.replace('auditor', role)}.`,
  403: (role) =>
    ` This needs ${role === 'ops' ? 'an ops' : "an auditor's"} token: npm run token -- --sub <you> --role ${role}.`,
  429: () => ' Too many requests: wait a little and run it again.',
};

/** GET `path` with the bearer token; a non-2xx answer or no answer at all is a CliFailure (exit 2). */
export async function get(
  target: ServiceTarget,
  path: string,
  query: Query = {},
  accept = '*/*',
  role: TokenRole = 'auditor',
): Promise<Response> {
  const url = new URL(`${target.url.replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
  return send(target, url, { headers: { authorization: `Bearer ${target.token}`, accept } }, role);
}

/** POST `path` with a JSON body and parse the JSON answer; a non-2xx answer is a CliFailure (exit 2). */
export async function postJson(target: ServiceTarget, path: string, body: unknown, role: TokenRole): Promise<unknown> {
  const url = new URL(`${target.url.replace(/\/+$/, '')}${path}`);
  const headers = {
    authorization: `Bearer ${target.token}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  const response = await send(target, url, { method: 'POST', headers, body: JSON.stringify(body) }, role);
  return jsonOf(response, path, target);
}

async function send(target: ServiceTarget, url: URL, init: RequestInit, role: TokenRole): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    throw new CliFailure(
      `Could not reach the licensing service at ${target.url} (${networkReason(error)}). Is it running (npm start)? Pass --url or set LICENSING_URL to reach another one.`,
    );
  }
  if (!response.ok) throw await refusal(response, role);
  return response;
}

/** GET `path` and parse its JSON body. */
export async function getJson(
  target: ServiceTarget,
  path: string,
  query: Query = {},
  role: TokenRole = 'auditor',
): Promise<unknown> {
  return jsonOf(await get(target, path, query, 'application/json', role), path, target);
}

async function jsonOf(response: Response, path: string, target: ServiceTarget): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CliFailure(
      `${path} answered ${response.status} with a body that is not JSON: is ${target.url} the licensing service?`,
    );
  }
}

/** The RFC 9457 problem details of a refusal, in one line (with a hint for 401, 403 and 429). */
export async function refusal(response: Response, role: TokenRole): Promise<CliFailure> {
  const text = await response.text().catch(() => '');
  const problem = parseProblem(text);
  const status = `${response.status}${problem?.code ? ` ${problem.code}` : ''}`;
  const what = problem
    ? [problem.title, problem.detail].filter(Boolean).join(': ')
    : oneLine(text).slice(0, 200) || response.statusText;
  return new CliFailure(
    `The service refused (${status}): ${what.replace(/\.$/, '')}.${HINTS[response.status]?.(role) ?? ''}`,
  );
}

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
}

function parseProblem(text: string): Problem | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { title, detail, code } = value as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? oneLine(x) : undefined);
    const problem = { title: str(title), detail: str(detail), code: str(code) };
    return problem.title || problem.detail ? problem : null;
  } catch {
    return null;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** fetch's "fetch failed" hides the reason in its cause (ECONNREFUSED, ENOTFOUND, a TLS error...). */
export function networkReason(error: unknown): string {
  const { message, cause } = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const inner = (typeof cause === 'object' && cause !== null ? cause : {}) as Record<string, unknown>;
  if (typeof inner['message'] === 'string' && inner['message'] !== '') return inner['message'];
  if (typeof inner['code'] === 'string') return inner['code'];
  return typeof message === 'string' && message !== '' ? message : String(error);
}
