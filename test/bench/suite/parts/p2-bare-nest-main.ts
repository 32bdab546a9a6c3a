/**
 * P2's reference: a bare NestJS application on the same platform (Express)
 * with one POST and one GET, the least a NestJS endpoint costs. A command
 * body is parsed with zod like the service's; nothing is stored. Started by
 * the bench as its own process; prints `listening on <url>`.
 */
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const Registration = z.object({
  exporterId: z.string().min(1),
  name: z.string().min(1),
  country: z.string().length(2),
});

@Controller()
class BareController {
  @Post('exporters')
  @HttpCode(201)
  register(@Body() body: unknown) {
    const { exporterId } = Registration.parse(body);
    return { id: exporterId, streamId: `exporter-${exporterId}`, revision: '0', eventId: randomUUID() };
  }

  @Get('licenses/:id')
  license(@Param('id') id: string) {
    return { id, status: 'active', lines: [{ lineId: '1', remaining: { amount: '100', unit: 'kg' } }] };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  console.log(`listening on ${await app.getUrl()}`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
