import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { announcementStreamId } from '@licensing/domain';
import type { EventStore, Subscription } from '@licensing/event-store';
import { Metrics, RESTART_BACKOFF, RestartBackoff } from '@licensing/platform';
import { ANNOUNCEMENTS, AnnouncementsQuery, DocumentStore, ProjectionRunner } from '@licensing/projections';
import { AnnouncementPending, AnnouncementProcess } from '@licensing/workflow';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { registerPendingActsGauge } from './pending-acts-gauge';

const PREFIX = announcementStreamId('');
/** How long one wait for the read models to reach the start position may take before it is logged and waited again. */
const CATCH_UP_WAIT_MS = 10_000;

/**
 * What wakes the process manager: every `AnnouncementRecorded` from now on
 * (a live subscription), and, once at start, every announcement the read
 * model shows with acts pending (recorded while the service was down, or
 * left half-applied by a stop). Both publish `AnnouncementPending`; the saga
 * turns it into `ApplyAnnouncementActs`. The subscription starts at the head
 * of `$all` and the sweep waits for the read models to reach that head, so
 * no announcement falls between the two; one seen by both is applied once
 * (command ids derived from the acts).
 */
@Injectable()
export class AnnouncementWakeUps implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Announcements');
  private readonly pending: AnnouncementsQuery;
  private readonly backoff = new RestartBackoff(RESTART_BACKOFF);
  private subscription: Subscription | null = null;
  private resubscribe: NodeJS.Timeout | null = null;
  private sweeping: Promise<string[]> = Promise.resolve([]);
  private stopped = false;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(EventBus) private readonly events: EventBus,
    @Inject(AnnouncementProcess) private readonly process: AnnouncementProcess,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.pending = new AnnouncementsQuery(documents);
    // What waits is what this wakes the process manager for: the gauge reads the same model.
    registerPendingActsGauge(metrics, this.pending);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.ANNOUNCEMENT_ACTS === 'hold') {
      this.logger.warn("ANNOUNCEMENT_ACTS=hold: announcements are recorded, their acts wait for a start with 'apply'");
      return;
    }
    const from = await this.startingPoint();
    this.follow(from);
    this.sweeping = this.sweep(from);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.resubscribe) clearTimeout(this.resubscribe);
    await this.subscription?.stop();
    await this.sweeping;
    await this.process.stop();
  }

  /**
   * The head of `$all`; on a store that cannot tell it cheaply, the
   * announcements read model's own position (the subscription then reads
   * from there, which only costs a longer catch-up).
   */
  private async startingPoint(): Promise<bigint | null> {
    if (this.store.readHeadPosition) return this.store.readHeadPosition();
    return this.projections.status().find((status) => status.name === ANNOUNCEMENTS)?.position ?? null;
  }

  private follow(from: bigint | null): void {
    let last = from;
    this.subscription = this.store.subscribeToAll(
      {
        fromPosition: from ?? 'start',
        filter: { streamPrefixes: [PREFIX], eventTypes: ['AnnouncementRecorded'] },
        onError: (error) => {
          if (this.stopped) return;
          const delayMs = this.backoff.nextDelayMs();
          this.logger.warn(`Following announcements failed (${String(error)}); again from ${last} in ${delayMs} ms`);
          this.resubscribe = setTimeout(() => {
            this.resubscribe = null;
            if (!this.stopped) this.follow(last);
          }, delayMs);
        },
      },
      (event) => {
        last = event.position;
        this.backoff.reset();
        this.wake(event.streamId.slice(PREFIX.length));
      },
    );
  }

  /** The announcements the start-up sweep found pending and woke the process manager for (none when held). */
  whenSwept(): Promise<string[]> {
    return this.sweeping;
  }

  private async sweep(from: bigint | null): Promise<string[]> {
    while (from !== null && !this.stopped) {
      try {
        await this.projections.waitFor(from, CATCH_UP_WAIT_MS);
        break;
      } catch (error) {
        this.logger.warn(
          `Announcements pending at start are looked for once the read models reach ${from}: ${String(error)}`,
        );
      }
    }
    if (this.stopped) return [];
    const pending = this.pending.pendingAnnouncementIds();
    if (pending.length > 0) this.logger.log(`Applying the pending acts of ${pending.join(', ')}`);
    for (const announcementId of pending) this.wake(announcementId);
    return pending;
  }

  private wake(announcementId: string): void {
    this.events.publish(new AnnouncementPending(announcementId));
  }
}
