import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { keyIdOf, loadTreeHeadKeys, MerkleLogStore, VerifiableLog, WorkerTreeFollower } from '@licensing/audit';
import type { EventStore } from '@licensing/event-store';
import { CLOCK, type Clock } from '@licensing/workflow';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { LOG_PROOFS } from './log-proofs.token';

/**
 * The compiled service follows `$all` in a worker thread, off the thread
 * that appends (a worker needs JavaScript: under ts-jest the specs follow in
 * this thread, the same code without the message passing).
 */
const compiledWorker = join(__dirname, 'merkle-log.worker.js');
const workerScript = __filename.endsWith('.js') && existsSync(compiledWorker) ? compiledWorker : null;

/** The verifiable log over the service's store: its tree in DATA_DIR/audit-log.sqlite, its signing key. */
export const verifiableLogProviders = [
  {
    provide: VerifiableLog,
    useFactory: (config: ServiceConfig, store: EventStore, clock: Clock) => {
      const treeFile = join(config.DATA_DIR, 'audit-log.sqlite');
      const tree = MerkleLogStore.open(treeFile);
      const keys = loadTreeHeadKeys({
        keyFile: config.TREE_HEAD_KEY_FILE,
        defaultFile: join(config.DATA_DIR, 'tree-head-key.pem'),
      });
      const logger = new Logger('VerifiableLog');
      return new VerifiableLog(store, tree, keys, {
        now: () => clock.now(),
        signEveryMs: config.TREE_HEAD_INTERVAL_MS,
        log: (message) => logger.warn(message),
        follower: workerScript
          ? new WorkerTreeFollower(workerScript, { config, treeFile }, (m) => logger.warn(m))
          : undefined,
      });
    },
    inject: [SERVICE_CONFIG, EVENT_STORE, CLOCK],
  },
  { provide: LOG_PROOFS, useExisting: VerifiableLog },
];

/**
 * Starts the log after the infrastructure has seeded the policy history (an
 * app provider initialises after the modules it imports), and stops it
 * before the store closes.
 */
@Injectable()
export class VerifiableLogLifecycle implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('VerifiableLog');

  constructor(@Inject(VerifiableLog) private readonly log: VerifiableLog) {}

  async onModuleInit(): Promise<void> {
    this.warnOfAnotherKey();
    await this.log.start();
    const head = this.log.tree.latestTreeHead();
    const where = this.log.follower instanceof WorkerTreeFollower ? 'a worker thread' : 'the main thread';
    this.logger.log(
      `Verifiable log at ${this.log.tree.size} events, following $all in ${where}; latest signed head: size ${head?.treeSize ?? 0}`,
    );
  }

  /** After a restore without the signing key, say so at once rather than at the next online verification. */
  private warnOfAnotherKey(): void {
    const newest = this.log.tree.latestTreeHead();
    const ours = keyIdOf(this.log.keys.publicKey);
    if (newest && newest.keyId !== ours)
      this.logger.warn(
        `The newest tree head was signed with key ${newest.keyId.slice(0, 16)}…, not with this service's key ${ours.slice(0, 16)}…: ` +
          'online verification will refuse the older heads. Set TREE_HEAD_KEY_FILE to the key that signed them ' +
          '(after a restore: npm run cli -- ops restore --tree-head-key).',
      );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.log.stop();
    this.log.tree.close();
  }
}
