import { Controller, Get, Inject, Param } from '@nestjs/common';
import { NotFound } from '@licensing/workflow';
import { licenseRefusalOn } from '../gate/license-usability';
import type { GateClock } from './gate-clock';
import { GateRuntime } from './gate-runtime';
import { GATE_CLOCK } from './tokens';

@Controller('licenses')
export class LicensesController {
  constructor(
    @Inject(GateRuntime) private readonly runtime: GateRuntime,
    @Inject(GATE_CLOCK) private readonly clock: GateClock,
  ) {}

  /** What the gate knows: the latest snapshot, and whether goods may leave under it today. */
  @Get(':id')
  license(@Param('id') id: string) {
    const license = this.runtime.book.get(id);
    if (license === undefined) {
      throw new NotFound(
        'gate.license_unknown',
        `The gate knows no license ${id}. A license issued moments ago may still be on its way from the relay.`,
      );
    }
    const today = this.clock.today();
    const refusal = licenseRefusalOn(license, today);
    return { license, today: { date: today, usable: refusal === null, refusal } };
  }
}
