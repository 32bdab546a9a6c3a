import { RESTART_BACKOFF, RestartBackoff } from '@licensing/platform';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './merkle-log-worker';
import type { TreeFollower } from './tree-follower';

/**
 * Follows `$all` in a worker thread (the worker script calls
 * runMerkleLogWorker): hashing and storing leaves then costs the threads
 * that append nothing, which on the embedded shape is most of the cost the
 * log would add to every append. The main thread asks it to catch up before
 * answering with the newest events, then re-reads the tree from its file.
 * A worker that dies is started again after a backoff; the tree is its own
 * checkpoint, so the new one resumes at the last leaf.
 */
export class WorkerTreeFollower implements TreeFollower {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (size: number) => void; reject: (error: Error) => void }>();
  private lastError: string | null = null;
  private stopping = false;
  private restart: NodeJS.Timeout | null = null;
  private readonly backoff = new RestartBackoff(RESTART_BACKOFF);

  constructor(
    private readonly script: string,
    private readonly workerData: unknown,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  get error(): string | null {
    return this.lastError;
  }

  async start(): Promise<void> {
    this.stopping = false;
    const worker = new Worker(this.script, { workerData: this.workerData });
    this.worker = worker;
    await new Promise<void>((resolve, reject) => {
      worker.on('message', (reply: WorkerReply) => {
        if (reply.kind === 'started') {
          this.backoff.reset();
          return resolve();
        }
        this.settle(reply);
      });
      worker.once('error', (error) => {
        this.lastError = error.message;
        this.log(`verifiable log worker failed: ${error.message}`);
        reject(error);
      });
      worker.once('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = null;
        this.failAll(new Error(`the verifiable log worker exited (${code})`));
        if (!this.stopping) this.scheduleRestart();
      });
    });
  }

  catchUp(): Promise<number> {
    return this.ask('catchUp');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restart) clearTimeout(this.restart);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await this.ask('stop').catch(() => undefined);
    await exited;
  }

  private scheduleRestart(): void {
    const delay = this.backoff.nextDelayMs();
    this.log(`verifiable log worker stopped; starting it again in ${delay} ms`);
    this.restart = setTimeout(() => {
      this.restart = null;
      if (!this.stopping) this.start().catch(() => undefined); // its exit schedules the next attempt
    }, delay);
  }

  private ask(kind: WorkerRequest['kind']): Promise<number> {
    const worker = this.worker;
    if (!worker) {
      return Promise.reject(new Error(`the verifiable log worker is not running (${this.lastError ?? 'stopped'})`));
    }
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, kind } satisfies WorkerRequest);
    });
  }

  private settle(reply: Exclude<WorkerReply, { kind: 'started' }>): void {
    if (reply.kind === 'failed') {
      this.lastError = reply.message;
      if (reply.id === null) return this.log(reply.message);
    } else this.lastError = null;
    const waiter = this.pending.get(reply.id ?? -1);
    if (!waiter) return;
    this.pending.delete(reply.id ?? -1);
    if (reply.kind === 'done') waiter.resolve(reply.size);
    else waiter.reject(new Error(reply.message));
  }

  private failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
