import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ProjectionRunner } from '@licensing/projections';
import { ActorGuard, Authorize } from '@licensing/workflow';
import { EmbeddedRelay } from './embedded-relay';

const text = (position: bigint | null) => position?.toString() ?? null;

/** Every consumer of the event log in this process and how far behind it is. */
@Controller('ops')
@UseGuards(ActorGuard)
export class ConsumersController {
  constructor(
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(EmbeddedRelay) private readonly relay: EmbeddedRelay,
  ) {}

  @Get('consumers')
  @Authorize('ListConsumers')
  consumers() {
    const relay = this.relay.status();
    return {
      readModels: this.projections.status().map((s) => ({ ...s, position: text(s.position) })),
      relay:
        relay === null
          ? { enabled: false as const, hint: 'Set KAFKA_BROKERS to relay license changes to Kafka from this process.' }
          : {
              enabled: true as const,
              ...relay,
              storePosition: text(relay.storePosition),
              publishedPosition: text(relay.publishedPosition),
            },
    };
  }
}
