import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import {
  type ActOutcome,
  type Actor,
  type AnnouncementAct,
  type AnnouncementFacts,
  type CommandMetadata,
  DomainError,
  measureCommandOf,
  pendingActs,
} from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import { Metrics, RESTART_BACKOFF, RestartBackoff } from '@licensing/platform';
import { announcements, controlMeasures } from '../shared/aggregates';
import { CLOCK, type Clock } from '../shared/clock';
import { CommandRunner } from '../shared/command-runner';
import { type AnnouncementActRecorder, announcementActRecorder } from './announcement-metrics';

/** The service itself, applying an announcement's acts: a system actor no token can claim. */
export const ANNOUNCEMENT_PROCESS_ACTOR: Actor = { id: 'announcements', role: 'system' };

/**
 * The ids of the two steps of one act, derived from the act alone: after a
 * crash between them (or a second wake-up) the runner finds each step's
 * events under its id and answers them instead of appending again.
 */
export const actCommandId = (announcementId: string, actId: string) => `announcement:${announcementId}:${actId}`;
export const outcomeCommandId = (announcementId: string, actId: string) =>
  `${actCommandId(announcementId, actId)}:outcome`;

/** What one run over an announcement did. */
export interface ActsReport {
  readonly announcementId: string;
  readonly applied: readonly string[];
  readonly refused: readonly string[];
  /** Left pending: the service is stopping, or a step failed and is retried after a backoff (`error`). */
  readonly pending: readonly string[];
  readonly error?: string;
}

/**
 * The process manager's work: each pending act of an announcement goes to
 * its measure as that measure's own command (orderedBy: the announcement),
 * then its outcome is recorded on the announcement: applied with the event
 * the measure recorded, or refused with the measure's reason (recorded, not
 * retried: the refusal is the measure's answer). A failure that is no refusal
 * (the store, a lost race past its retries) leaves the act pending and the
 * whole announcement is tried again after a backoff.
 */
@Injectable()
export class AnnouncementProcess {
  private readonly logger = new Logger('Announcements');
  private readonly running = new Map<string, Promise<ActsReport>>();
  private readonly retries = new Map<string, { backoff: RestartBackoff; timer: NodeJS.Timeout | null }>();
  private stopped = false;
  private readonly record: AnnouncementActRecorder | null;

  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(CLOCK) private readonly clock: Clock,
    /** Where to count settled acts (announcementActRecorder); nothing is recorded without it. */
    @Optional() @Inject(Metrics) metrics?: Metrics,
  ) {
    this.record = metrics ? announcementActRecorder(metrics) : null;
  }

  /** Applies the announcement's pending acts; a call while a run for it is going shares that run. */
  apply(announcementId: string): Promise<ActsReport> {
    if (this.stopped) return Promise.resolve(nothingDone(announcementId));
    const current = this.running.get(announcementId);
    if (current) return current;
    const run = this.run(announcementId).finally(() => this.running.delete(announcementId));
    this.running.set(announcementId, run);
    return run;
  }

  /** No new run starts; resolves once the runs going have finished their current step. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const retry of this.retries.values()) if (retry.timer) clearTimeout(retry.timer);
    this.retries.clear();
    await Promise.allSettled([...this.running.values()]);
  }

  private async run(announcementId: string): Promise<ActsReport> {
    const applied: string[] = [];
    const refused: string[] = [];
    const { state, recorded } = await this.runner.load(announcements, announcementId);
    const cause = recorded.find((event) => event.type === 'AnnouncementRecorded');
    if (state.status !== 'recorded' || cause === undefined) return nothingDone(announcementId);
    const acts = pendingActs(state);
    try {
      for (const act of acts) {
        if (this.stopped) break;
        const metadata = this.metadata(announcementId, act, cause);
        const outcome = await this.applyAct(state.announcement, act, metadata);
        await this.recordOutcome(announcementId, act, outcome, metadata);
        (outcome.state === 'applied' ? applied : refused).push(act.actId);
        this.record?.(act.kind, outcome.state, this.clock.now());
      }
      this.retries.delete(announcementId);
      if (applied.length + refused.length > 0)
        this.logger.log(`Announcement ${announcementId}: ${applied.length} act(s) applied, ${refused.length} refused`);
      return { announcementId, applied, refused, pending: leftOf(acts, applied, refused) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.retryLater(announcementId, message);
      return { announcementId, applied, refused, pending: leftOf(acts, applied, refused), error: message };
    }
  }

  private metadata(announcementId: string, act: AnnouncementAct, cause: RecordedEvent): CommandMetadata {
    return {
      commandId: actCommandId(announcementId, act.actId),
      actor: ANNOUNCEMENT_PROCESS_ACTOR,
      occurredAt: this.clock.now(),
      // The officer's request that recorded the announcement is where each change comes from.
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
    };
  }

  private async applyAct(
    announcement: AnnouncementFacts,
    act: AnnouncementAct,
    metadata: CommandMetadata,
  ): Promise<ActOutcome> {
    try {
      const outcome = await this.runner.execute(
        controlMeasures,
        act.measureId,
        measureCommandOf(announcement, act, metadata),
      );
      const event = outcome.events.at(-1);
      if (event === undefined) throw new Error(`Act ${act.actId} recorded nothing on ${act.measureId}`);
      return { state: 'applied', eventId: event.id, eventType: event.type, revision: Number(event.revision) };
    } catch (error) {
      if (error instanceof DomainError) return { state: 'refused', code: error.code, reason: error.message };
      throw error;
    }
  }

  private async recordOutcome(
    announcementId: string,
    act: AnnouncementAct,
    outcome: ActOutcome,
    metadata: CommandMetadata,
  ): Promise<void> {
    await this.runner.execute(announcements, announcementId, {
      type: 'RecordAnnouncementActOutcome',
      data: { announcementId, actId: act.actId, outcome },
      metadata: { ...metadata, commandId: outcomeCommandId(announcementId, act.actId) },
    });
  }

  private retryLater(announcementId: string, message: string): void {
    if (this.stopped) return;
    const retry = this.retries.get(announcementId) ?? { backoff: new RestartBackoff(RESTART_BACKOFF), timer: null };
    const delayMs = retry.backoff.nextDelayMs();
    this.logger.warn(`Announcement ${announcementId}: ${message}; its pending acts are tried again in ${delayMs} ms`);
    retry.timer = setTimeout(() => {
      retry.timer = null;
      void this.apply(announcementId);
    }, delayMs);
    this.retries.set(announcementId, retry);
  }
}

function nothingDone(announcementId: string): ActsReport {
  return { announcementId, applied: [], refused: [], pending: [] };
}

function leftOf(acts: readonly AnnouncementAct[], applied: string[], refused: string[]): string[] {
  return acts.map((act) => act.actId).filter((id) => !applied.includes(id) && !refused.includes(id));
}
