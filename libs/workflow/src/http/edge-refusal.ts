/** The statuses the HTTP edge answers itself, before a handler runs. */
export type EdgeStatus = 400 | 413 | 415 | 429 | 503;

const TITLES: Record<EdgeStatus, string> = {
  400: 'The request is not valid',
  413: 'The request body is too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/**
 * A refusal of the transport, not of the application: a body too large or
 * not JSON, a client over its rate limit, a server at its limit of open
 * streams. The HTTP kit and the app's streaming endpoints raise these, which
 * is why they carry a status instead of an application error kind.
 */
export class EdgeRefusal extends Error {
  readonly title: string;

  constructor(
    readonly status: EdgeStatus,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'EdgeRefusal';
    this.title = TITLES[status];
  }
}
