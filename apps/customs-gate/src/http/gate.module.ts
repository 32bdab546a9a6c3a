import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ProblemDetailsFilter } from '@licensing/workflow';
import type { GateConfig } from './config';
import { DeclarationsController } from './declarations.controller';
import { gateClock } from './gate-clock';
import { GateRuntime } from './gate-runtime';
import { HealthController } from './health.controller';
import { LicensesController } from './licenses.controller';
import { GATE_CLOCK, GATE_CONFIG, GATE_GROUP } from './tokens';

@Module({})
export class GateModule {
  static forRoot(config: GateConfig, instanceId: string): DynamicModule {
    return {
      module: GateModule,
      controllers: [DeclarationsController, LicensesController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: GATE_CONFIG, useValue: config },
        { provide: GATE_GROUP, useValue: `${config.GATE_GROUP_ID}.${instanceId}` },
        { provide: GATE_CLOCK, useValue: gateClock(config.CLOCK_FIXED_AT) },
        GateRuntime,
      ],
    };
  }
}
