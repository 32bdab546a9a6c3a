import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { LicenseRelay, RelayStatus } from '@licensing/relay';
import { LICENSE_RELAY } from './tokens';

/** Positions leave as decimal strings: they can exceed 2^53. */
function statusBody(status: RelayStatus) {
  return {
    ...status,
    storePosition: status.storePosition?.toString() ?? null,
    publishedPosition: status.publishedPosition?.toString() ?? null,
  };
}

@Controller()
export class RelayStatusController {
  constructor(@Inject(LICENSE_RELAY) private readonly relay: LicenseRelay) {}

  /** State, positions and lag, for dashboards and alerts. */
  @Get('relay/status')
  status() {
    return statusBody(this.relay.status());
  }

  /** The process is up (it may be retrying: see /relay/status). */
  @Get('health/live')
  @HttpCode(200)
  live() {
    return { status: 'up' };
  }

  /** Caught up and publishing as events arrive. */
  @Get('health/ready')
  ready() {
    const status = this.relay.status();
    if (status.state !== 'live') throw new ServiceUnavailableException(`The relay is ${status.state}, not live.`);
    return { status: 'ready', relay: statusBody(status) };
  }
}
