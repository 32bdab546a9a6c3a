import type { EventEnvelopeJson, TailSink } from '@licensing/audit';
import type { Response } from 'express';

/**
 * One message of GET /ops/events/live. Every event of the log is `recorded`
 * (its type is in the data): a client listens for two names, whatever event
 * types the domain grows, and `id` is its `$all` position, so a reconnecting
 * EventSource sends it back as Last-Event-ID. `fell-behind` comes last,
 * before the server closes: come back with Last-Event-ID `resumeFrom`.
 */
export type LiveTailMessage =
  | { readonly id: string; readonly event: 'recorded'; readonly data: EventEnvelopeJson }
  | { readonly event: 'fell-behind'; readonly data: { readonly resumeFrom: string } };

/**
 * The live tail's Server-Sent Events on the raw Express response, so writes
 * see the socket's back-pressure (`write` answering false, then `drain`).
 * Nothing is sent before `open`: until then a refusal is still a problem
 * details answer.
 */
export class SseStream implements TailSink {
  private heartbeat: NodeJS.Timeout | undefined;
  private gone = false;

  constructor(private readonly response: Response) {
    response.once('close', () => {
      this.gone = true;
      clearInterval(this.heartbeat);
    });
    // A write racing the client's disconnect fails on a destroyed socket; 'close' ends the tail.
    response.on('error', () => undefined);
  }

  /** The client hung up (or the response is over). */
  get closed(): boolean {
    return this.gone || this.response.destroyed;
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.response.once('close', listener);
  }

  /** Sends the headers at once (the client knows the tail is running), then a heartbeat every `heartbeatMs`. */
  open(heartbeatMs: number): void {
    this.response.status(200);
    this.response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.response.setHeader('Cache-Control', 'no-store');
    // nginx and similar proxies buffer answers unless told otherwise.
    this.response.setHeader('X-Accel-Buffering', 'no');
    this.response.flushHeaders();
    // A heartbeat is skipped while the connection is full: it must not grow what waits for the client.
    this.heartbeat = setInterval(() => {
      if (!this.response.writableNeedDrain) this.writeText(': heartbeat\n\n');
    }, heartbeatMs);
  }

  send(event: EventEnvelopeJson): boolean {
    return this.write({ id: event.position, event: 'recorded', data: event });
  }

  drained(): Promise<void> {
    if (this.closed || !this.response.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }

  fellBehind(resumeFrom: bigint): void {
    this.write({ event: 'fell-behind', data: { resumeFrom: resumeFrom.toString() } });
  }

  /**
   * Ends the answer; resolves once the connection is done with it. A client
   * that reads nothing would hold the socket and what waits in it forever,
   * so after `graceMs` it is cut.
   */
  async close(graceMs: number): Promise<void> {
    clearInterval(this.heartbeat);
    if (this.closed) return;
    const done = new Promise<void>((resolve) => this.response.once('close', resolve));
    const cut = setTimeout(() => this.response.destroy(), graceMs);
    this.response.end();
    await done;
    clearTimeout(cut);
  }

  private write(message: LiveTailMessage): boolean {
    const id = 'id' in message ? `id: ${message.id}\n` : '';
    // JSON text has no raw line breaks, so the data is one `data:` line.
    return this.writeText(`${id}event: ${message.event}\ndata: ${JSON.stringify(message.data)}\n\n`);
  }

  private writeText(text: string): boolean {
    if (this.closed || this.response.writableEnded) return true;
    return this.response.write(text);
  }
}
