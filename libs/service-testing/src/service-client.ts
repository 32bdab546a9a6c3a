import type { Role } from '@licensing/domain';

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever JSON the service sent.
  body: any;
}

export type As = { id: string; role: Role };

export const exporterUser: As = { id: 'li.wei', role: 'exporter' };
export const officer: As = { id: 'zhang.min', role: 'licensing_officer' };
export const director: As = { id: 'chen.jie', role: 'licensing_officer' };
export const reviewer: As = { id: 'wang.fang', role: 'reviewer' };
export const system: As = { id: 'ops', role: 'system' };
export const auditor: As = { id: 'liu.yang', role: 'auditor' };

function actorHeaders(as: As | null): Record<string, string> {
  return as ? { 'X-Actor-Id': as.id, 'X-Actor-Role': as.role } : {};
}

/** A thin HTTP client for the service: JSON in, JSON or problem details out. */
export class ServiceClient {
  constructor(readonly url: string) {}

  /**
   * Reads are authorized like commands, so every read says who is reading;
   * `null` only for the public endpoints (health, OpenAPI) or to test a 401.
   */
  async get(path: string, as: As | null): Promise<Reply> {
    return this.reply(await fetch(`${this.url}${path}`, { headers: actorHeaders(as) }));
  }

  async post(path: string, as: As | null, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: {
        ...actorHeaders(as),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return this.reply(response);
  }

  private async reply(response: Response): Promise<Reply> {
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  }
}
