import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ZodBody } from '@licensing/workflow';
import { checkDeclaration, type GateVerdict } from '../gate/check-declaration';
import { CustomsDeclaration } from '../gate/declaration';
import type { GateClock } from './gate-clock';
import { GateRuntime } from './gate-runtime';
import { GATE_CLOCK } from './tokens';

@Controller('declarations')
export class DeclarationsController {
  constructor(
    @Inject(GateRuntime) private readonly runtime: GateRuntime,
    @Inject(GATE_CLOCK) private readonly clock: GateClock,
  ) {}

  /** A refusal is a verdict, not an error: 200 with `verdict: 'refuse'` and the reasons. */
  @Post('check')
  @HttpCode(200)
  check(
    @Body(new ZodBody(CustomsDeclaration)) declaration: CustomsDeclaration,
  ): GateVerdict & { declarationRef: string; checkedOn: string } {
    const checkedOn = this.clock.today();
    return {
      declarationRef: declaration.declarationRef,
      checkedOn,
      ...checkDeclaration(this.runtime.book, declaration, checkedOn),
    };
  }
}
