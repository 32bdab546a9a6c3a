import type { Role } from '@licensing/domain';
import { DEFAULT_AUDIENCE, LOCAL_ISSUER_ID, mintLocalToken, signLocalToken } from '@licensing/identity';

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever JSON the service sent (NDJSON: the array of its lines).
  body: any;
}

/** Who a request acts as; an exporter user also names the exporters they act for (their data scope). */
export type As = { id: string; role: Role; exporterIds?: readonly string[] };

export const exporterUser: As = { id: 'li.wei', role: 'exporter', exporterIds: ['ningbo-magnetics'] };
/** An exporter user of another exporter: none of Ningbo's cases exist for them. */
export const otherExporterUser: As = { id: 'wu.hao', role: 'exporter', exporterIds: ['baotou-rare-earth'] };
export const officer: As = { id: 'zhang.min', role: 'licensing_officer' };
export const director: As = { id: 'chen.jie', role: 'licensing_officer' };
export const reviewer: As = { id: 'wang.fang', role: 'reviewer' };
/**
 * The service's own role. No identity provider issues it and the service
 * refuses a token claiming it (403 `auth.system_role`); specs send it to show that.
 */
export const system: As = { id: 'scheduler', role: 'system' };
export const auditor: As = { id: 'liu.yang', role: 'auditor' };
/** Operations: /ops/* and /admin/*. */
export const opsUser: As = { id: 'ma.lin', role: 'ops' };
export const policyOfficer: As = { id: 'he.lan', role: 'policy_officer' };

export interface ServiceClientOptions {
  /** The service's DATA_DIR: the client signs its tokens with that service's local issuer. */
  readonly dataDir: string;
}

/**
 * A thin HTTP client for the service: JSON in, JSON or problem details out.
 * Each `As` becomes a bearer token signed by the service's local issuer, as
 * an identity provider would issue it, minted once per user.
 */
export class ServiceClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(
    readonly url: string,
    private readonly options: ServiceClientOptions,
  ) {}

  /**
   * Reads are authorized like commands, so every read says who is reading;
   * `null` only for the public endpoints (health, /.well-known) or to test a 401.
   */
  async get(path: string, as: As | null, headers: Record<string, string> = {}): Promise<Reply> {
    return this.reply(
      await fetch(`${this.url}${path}`, { headers: { ...(await this.authorization(as)), ...headers } }),
    );
  }

  async post(path: string, as: As | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: {
        ...(await this.authorization(as)),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.reply(response);
  }

  /** The bearer token `as` sends (8 hours, from the local issuer of the service's DATA_DIR). */
  token(as: As): Promise<string> {
    const key = JSON.stringify([as.id, as.role, as.exporterIds ?? []]);
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = signFor(this.options.dataDir, as);
      this.tokens.set(key, token);
    }
    return token;
  }

  private async authorization(as: As | null): Promise<Record<string, string>> {
    return as === null ? {} : { Authorization: `Bearer ${await this.token(as)}` };
  }

  /**
   * The body as JSON; a streamed NDJSON answer as the array of its lines,
   * each parsed; plain text as a string. A live stream of Server-Sent Events
   * never ends by itself: its status and headers, then the client hangs up
   * (body null; the live tail's own specs read its messages).
   */
  private async reply(response: Response): Promise<Reply> {
    const reply = { status: response.status, headers: response.headers };
    if (/^text\/event-stream\b/.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel();
      return { ...reply, body: null };
    }
    const text = await response.text();
    if (text === '') return { ...reply, body: null };
    // Plain text (the Prometheus metrics) as it is.
    if (/^text\/plain\b/.test(response.headers.get('content-type') ?? '')) return { ...reply, body: text };
    if (!/^application\/x-ndjson\b/.test(response.headers.get('content-type') ?? ''))
      return { ...reply, body: JSON.parse(text) };
    const lines = text.split('\n').filter((line) => line !== '');
    return { ...reply, body: lines.map((line) => JSON.parse(line) as unknown) };
  }
}

/**
 * A person's token comes from mintLocalToken, like the token CLI's. What it
 * refuses to mint (the `system` role, an exporter user acting for no
 * exporter) is signed as raw claims instead, so specs can show the service
 * refusing such a token from a careless or hostile identity provider.
 */
async function signFor(dataDir: string, as: As): Promise<string> {
  const exporterIds = as.exporterIds ?? [];
  if (as.role !== 'system' && (as.role !== 'exporter' || exporterIds.length > 0)) {
    return mintLocalToken(dataDir, { sub: as.id, role: as.role, exporterIds });
  }
  const now = Math.floor(Date.now() / 1000);
  return signLocalToken(dataDir, {
    iss: LOCAL_ISSUER_ID,
    aud: DEFAULT_AUDIENCE,
    sub: as.id,
    roles: [as.role],
    ...(exporterIds.length > 0 ? { exporter_ids: [...exporterIds] } : {}),
    iat: now,
    exp: now + 8 * 3600,
  });
}
