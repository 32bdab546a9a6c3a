import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { VerifiableLog } from '@licensing/audit';
import type { EventStore } from '@licensing/event-store';
import { ProjectionRunner } from '@licensing/projections';
import { Unthrottled } from '@licensing/workflow';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceConfig } from '../config';
import { EVENT_STORE, SERVICE_CONFIG } from '../infrastructure/tokens';
import { EmbeddedRelay } from '../relay/embedded-relay';
import { evaluateReadiness, probeWithin, type ReadinessReport } from './readiness';

/** How long each readiness check may take before it counts as down: a hung dependency answers 503, not a hung probe. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/**
 * Public on purpose (no actor, outside the permissions table): probes know no
 * user. Never rate-limited: a busy service must still answer its probes.
 */
@Controller('health')
@Unthrottled()
export class HealthController {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(VerifiableLog) private readonly log: VerifiableLog,
    @Inject(EmbeddedRelay) private readonly relay: EmbeddedRelay,
  ) {}

  /** The process is up and answers: nothing else is checked, so a sick dependency never gets it restarted. */
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' as const };
  }

  /**
   * Ready to serve: the event store answers a read (and, SQLite, its file is
   * still there), no read model is more than READY_MAX_LAG_EVENTS behind,
   * Kafka answers its metadata (with KAFKA_BROKERS), and the verifiable log
   * follows `$all`. 200 when every check is up, 503 with the same body when any is down.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response): Promise<ReadinessReport> {
    const within = READINESS_CHECK_TIMEOUT_MS;
    const sqlite = this.config.EVENT_STORE === 'sqlite';
    const maxLagEvents = this.config.READY_MAX_LAG_EVENTS;
    const statuses = new Map(this.projections.status().map((s) => [s.name, s]));
    const [read, lags, metadata] = await Promise.all([
      probeWithin(within, async () => {
        // An open SQLite handle goes on reading and writing a file someone unlinked: what is written there is lost.
        if (sqlite && !existsSync(join(this.config.DATA_DIR, 'events.sqlite')))
          throw new Error('events.sqlite is gone from DATA_DIR');
        return this.store.readAll({ maxCount: 1, raw: true });
      }),
      probeWithin(within, async () =>
        (await this.projections.lag(maxLagEvents + 1)).map((lag) => ({
          ...lag,
          lastError: statuses.get(lag.name)?.lastError ?? null,
        })),
      ),
      this.config.KAFKA_BROKERS === undefined
        ? null
        : probeWithin(within, async () => {
            const cluster = await this.relay.describeCluster();
            if (cluster === null) throw new Error('the embedded relay is not running');
            return cluster;
          }),
    ]);
    const relay = this.relay.status();
    const report = evaluateReadiness({
      eventStore: { store: this.config.EVENT_STORE, read },
      readModels: lags,
      maxLagEvents,
      ...(metadata === null
        ? {}
        : { kafka: { metadata, relay: relay === null ? null : { state: relay.state, lagEvents: relay.lagEvents } } }),
      verifiableLog: { treeSize: this.log.tree.size, error: this.log.follower.error },
    });
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
