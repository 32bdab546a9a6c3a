import { type ArgumentsHost, Logger } from '@nestjs/common';
import pino from 'pino';
import { NotFound } from '../shared/application-errors';
import { PinoNestLogger } from './nest-logger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestFacts } from './request-facts';

function capture(level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level, base: null }, { write: (text: string) => lines.push(JSON.parse(text)) });
  return { lines, nest: new PinoNestLogger(logger) };
}

describe("PinoNestLogger: Nest's logger calls as pino lines", () => {
  it('puts the Logger context in `context`, the message in `msg`, and maps Nest levels to pino levels', () => {
    const { lines, nest } = capture('trace');
    nest.log('Mapped {/applications, POST} route', 'RouterExplorer');
    nest.warn('slow');
    nest.debug('detail', 'Relay');
    nest.verbose('chatter', 'Relay');
    expect(lines).toEqual([
      expect.objectContaining({ level: 30, context: 'RouterExplorer', msg: 'Mapped {/applications, POST} route' }),
      expect.objectContaining({ level: 40, msg: 'slow' }),
      expect.objectContaining({ level: 20, context: 'Relay', msg: 'detail' }),
      expect.objectContaining({ level: 10, context: 'Relay', msg: 'chatter' }),
    ]);
    expect(lines[1]).not.toHaveProperty('context');
  });

  it('keeps the stack Nest passes to error(message, stack, context), and an Error as `err`', () => {
    const { lines, nest } = capture();
    const error = new Error('disk full');
    nest.error('Projection failed', error.stack, 'Projections');
    nest.error(error, 'Projections');
    expect(lines[0]).toMatchObject({ level: 50, context: 'Projections', msg: 'Projection failed' });
    expect(lines[0]!['stack']).toMatch(/disk full\n\s+at /);
    expect(lines[1]).toMatchObject({ context: 'Projections', msg: 'disk full', err: { message: 'disk full' } });
    expect((lines[1]!['err'] as { stack: string }).stack).toMatch(/\n\s+at /);
  });

  it('writes nothing below the logger level', () => {
    const { lines, nest } = capture('warn');
    nest.log('started');
    nest.debug('detail');
    expect(lines).toEqual([]);
  });
});

describe('the problem filter on a structured logger', () => {
  afterEach(() => Logger.overrideLogger(true));

  function answer(error: unknown) {
    const { lines, nest } = capture();
    Logger.overrideLogger(nest);
    const request = { path: '/licenses/L-1/amend' };
    const sent: { status?: number; body?: string } = {};
    const response = {
      headersSent: false,
      status(status: number) {
        sent.status = status;
        return this;
      },
      type() {
        return this;
      },
      send(body: string) {
        sent.body = body;
        return this;
      },
    };
    const host = {
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
    } as unknown as ArgumentsHost;
    new ProblemDetailsFilter().catch(error, host);
    return { lines, sent, facts: requestFacts(request) };
  }

  it("logs a 500's stack (never sent to the client) and notes the problem code for the request line", () => {
    const { lines, sent, facts } = answer(new Error('checkpoint file is gone'));
    expect(sent.status).toBe(500);
    expect(sent.body).not.toContain('checkpoint file is gone');
    expect(lines).toEqual([
      expect.objectContaining({ level: 50, context: 'Problems', msg: 'Answered 500: checkpoint file is gone' }),
    ]);
    expect((lines[0]!['err'] as { stack: string }).stack).toMatch(/checkpoint file is gone\n\s+at /);
    expect(facts.problem).toBe('internal');
  });

  it('logs nothing of its own for a refusal: the request line says it', () => {
    const { lines, sent, facts } = answer(new NotFound('license.not_found', 'No license L-1.'));
    expect(sent.status).toBe(404);
    expect(facts.problem).toBe('license.not_found');
    expect(lines).toEqual([]);
  });
});
