import type { Response } from 'express';

/**
 * A long answer streamed as NDJSON, one JSON object per line. Writing waits
 * for the client to drain (back-pressure, flat memory) and stops at once if
 * the client goes away. A failure after the first line cannot become a
 * problem response any more: the connection is cut, so the client sees an
 * incomplete body (an export then lacks its `end` line), never a clean one.
 */
export class NdjsonResponse {
  private closed = false;

  constructor(private readonly response: Response) {
    response.status(200);
    response.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.on('close', () => {
      this.closed = true;
    });
  }

  async write(value: unknown): Promise<void> {
    await this.writeText(`${JSON.stringify(value)}\n`);
  }

  /** A line already serialised (with its newline). */
  async writeText(line: string): Promise<void> {
    if (this.closed) throw new Error('the client closed the connection');
    if (this.response.write(line)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.response.off('drain', done);
        this.response.off('close', done);
        resolve();
      };
      this.response.on('drain', done);
      this.response.on('close', done);
    });
  }

  end(): void {
    this.response.end();
  }

  fail(error: unknown): void {
    this.response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
