import { Controller, Get, Inject } from '@nestjs/common';
import { GateRuntime } from './gate-runtime';

@Controller('health')
export class HealthController {
  constructor(@Inject(GateRuntime) private readonly runtime: GateRuntime) {}

  /** The process is up and following the state topic; the counts show it learning. */
  @Get('live')
  live() {
    return { status: 'up', consumerGroup: this.runtime.groupId, ...this.runtime.stats() };
  }
}
