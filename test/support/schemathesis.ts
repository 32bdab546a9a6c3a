import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './built-apps';

/** Installs Schemathesis (pinned, own venv under .infra-cache) when missing; returns the `st` command. */
export function schemathesis(): string {
  const ensured = spawnSync(process.execPath, [join(REPO_ROOT, 'infra', 'schemathesis', 'ensure-schemathesis.mjs')], {
    encoding: 'utf8',
  });
  if (ensured.status !== 0) throw new Error(`Schemathesis could not be installed:\n${ensured.stderr}`);
  return ensured.stdout.trim();
}

/** One request and its answer, from Schemathesis' HAR report. */
export interface Exchange {
  readonly method: string;
  readonly path: string;
  readonly requestBody: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

interface Har {
  log: {
    entries: {
      request: { method: string; url: string; postData?: { text?: string } };
      response: { status: number; content: { mimeType?: string; text?: string } };
    }[];
  };
}

export function readHar(file: string): Exchange[] {
  const har = JSON.parse(readFileSync(file, 'utf8')) as Har;
  return har.log.entries.map(({ request, response }) => ({
    method: request.method,
    path: new URL(request.url).pathname,
    requestBody: request.postData?.text ?? '',
    status: response.status,
    contentType: response.content.mimeType ?? '',
    body: response.content.text ?? '',
  }));
}

/** Events a 2xx command answer says it stored (a replayed answer stored nothing new). */
export function eventsStoredBy(exchange: Exchange): number {
  if (exchange.method !== 'POST' || exchange.status < 200 || exchange.status >= 300) return 0;
  const body = JSON.parse(exchange.body) as { events?: unknown[]; replayed?: boolean; appended?: unknown[] };
  // A scheduler pass (ops) answers what it appended: one event per due item.
  if (exchange.path.endsWith('/admin/scheduler/run')) return body.appended?.length ?? 0;
  // Other bodiless operations store no event: a rebuild, a signed tree head (201, kept in the audit log).
  return body.replayed === true ? 0 : (body.events?.length ?? 0);
}
