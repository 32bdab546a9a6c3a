import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type Actor, DomainError, legalDateAt } from '@licensing/domain';
import { type Counter, Metrics } from '@licensing/platform';
import { DocumentStore, LicenseStateQuery, ProjectionRunner } from '@licensing/projections';
import {
  type AnyAggregate,
  applications,
  CLOCK,
  type Clock,
  ExecuteDomainCommand,
  licenses,
} from '@licensing/workflow';
import type { ServiceConfig } from '../config';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

export interface SchedulerReport {
  today: string;
  appended: string[];
  alreadyRecorded: string[];
  failed: { command: string; error: string }[];
}

const SYSTEM: Actor = { id: 'scheduler', role: 'system' };

// Refusals that mean "someone recorded it first": the goal is met.
const ALREADY_RECORDED = new Set(['license.already_expired', 'application.deadline_already_marked']);

/**
 * Appends the events that time makes due: a license past its validity
 * expires, a review past its 45-working-day deadline is marked missed.
 * Queries are right without these events; the events make the fact part of
 * the log and reach downstream consumers. Each command id is derived from
 * what is due (`scheduler:expire-license:<id>`), so a restart, a retry or a
 * second scheduler instance finds it already applied and appends nothing.
 */
@Injectable()
export class DueEventScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly state: LicenseStateQuery;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SchedulerReport> | null = null;
  private readonly passes: Counter<'outcome'>;
  private readonly dueEvents: Counter<'command' | 'outcome'>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CommandBus) private readonly bus: CommandBus,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.state = new LicenseStateQuery(documents);
    this.passes = metrics.counter<'outcome'>({
      name: 'licensing_scheduler_passes_total',
      help: 'Passes of the due-event scheduler (timer or POST /admin/scheduler/run), by outcome (ok, error).',
      labelNames: ['outcome'],
    });
    this.dueEvents = metrics.counter<'command' | 'outcome'>({
      name: 'licensing_scheduler_due_events_total',
      help: 'Due commands the scheduler sent, by command type and outcome (appended, already_recorded, failed).',
      labelNames: ['command', 'outcome'],
    });
    for (const outcome of ['ok', 'error']) this.passes.inc({ outcome }, 0);
    for (const command of ['ExpireLicense', 'MarkReviewDeadlineMissed'])
      for (const outcome of ['appended', 'already_recorded', 'failed']) this.dueEvents.inc({ command, outcome }, 0);
  }

  onApplicationBootstrap(): void {
    if (this.config.SCHEDULER_INTERVAL_MS === 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.SCHEDULER_INTERVAL_MS);
    void this.runOnce();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; concurrent calls share the pass that is running. */
  runOnce(): Promise<SchedulerReport> {
    this.running ??= this.pass()
      .then(
        (report) => {
          this.passes.inc({ outcome: 'ok' });
          return report;
        },
        (error: unknown) => {
          this.passes.inc({ outcome: 'error' });
          throw error;
        },
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async pass(): Promise<SchedulerReport> {
    const now = this.clock.now();
    const today = legalDateAt(now);
    const report: SchedulerReport = { today, appended: [], alreadyRecorded: [], failed: [] };
    await this.projections.catchUp();
    for (const licenseId of this.state.licensesDueForExpiry(today)) {
      await this.append(
        report,
        licenses,
        licenseId,
        'ExpireLicense',
        { licenseId },
        `scheduler:expire-license:${licenseId}`,
        now,
      );
    }
    for (const applicationId of this.state.applicationsDueForMissedDeadline(today)) {
      await this.append(
        report,
        applications,
        applicationId,
        'MarkReviewDeadlineMissed',
        { applicationId },
        `scheduler:review-deadline-missed:${applicationId}`,
        now,
      );
    }
    if (report.appended.length + report.failed.length > 0) {
      this.logger.log(`${today}: ${report.appended.length} due event(s) appended, ${report.failed.length} failed`);
    }
    return report;
  }

  private async append(
    report: SchedulerReport,
    aggregate: AnyAggregate,
    id: string,
    type: string,
    data: object,
    commandId: string,
    now: string,
  ) {
    const metadata = { commandId, actor: SYSTEM, occurredAt: now, correlationId: commandId };
    try {
      const outcome = await this.bus.execute(new ExecuteDomainCommand(aggregate, id, { type, data, metadata }, {}));
      (outcome.replayed ? report.alreadyRecorded : report.appended).push(commandId);
      this.dueEvents.inc({ command: type, outcome: outcome.replayed ? 'already_recorded' : 'appended' });
    } catch (error) {
      if (error instanceof DomainError && ALREADY_RECORDED.has(error.code)) {
        report.alreadyRecorded.push(commandId);
        this.dueEvents.inc({ command: type, outcome: 'already_recorded' });
        return;
      }
      this.dueEvents.inc({ command: type, outcome: 'failed' });
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`${commandId} failed, retried next pass: ${message}`);
      report.failed.push({ command: commandId, error: message });
    }
  }
}
