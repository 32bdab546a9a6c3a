import { z } from 'zod';
import { loadSettings } from './load-settings';

const Settings = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    BROKERS: z
      .string()
      .transform((value) => value.split(','))
      .pipe(z.array(z.string().regex(/^[^:]+:\d+$/, 'host:port'))),
    LOG_LEVEL: z.enum(['log', 'warn']).default('log'),
    SECRET: z.string().min(1).optional(),
    MODE: z.enum(['a', 'b']).default('a'),
  })
  .superRefine((settings, ctx) => {
    if (settings.MODE === 'b' && settings.SECRET === undefined)
      ctx.addIssue({ code: 'custom', path: ['SECRET'], message: 'MODE=b needs a secret' });
  });

describe('loadSettings', () => {
  it('returns the parsed settings with their defaults', () => {
    expect(loadSettings('demo', Settings, { BROKERS: 'k1:9092,k2:9092' })).toEqual({
      PORT: 3000,
      BROKERS: ['k1:9092', 'k2:9092'],
      LOG_LEVEL: 'log',
      MODE: 'a',
    });
  });

  it('reads process.env when no environment is given', () => {
    const saved = process.env['BROKERS'];
    process.env['BROKERS'] = 'from-env:1';
    try {
      expect(loadSettings('demo', Settings).BROKERS).toEqual(['from-env:1']);
    } finally {
      if (saved === undefined) delete process.env['BROKERS'];
      else process.env['BROKERS'] = saved;
    }
  });

  it('lists every bad variable in one error, each by name with what it accepts', () => {
    expect(() => loadSettings('demo', Settings, { PORT: 'eighty', BROKERS: 'nope', LOG_LEVEL: 'debug' })).toThrow(
      new Error(
        [
          'Invalid demo configuration:',
          '  PORT: Invalid input: expected number, received NaN',
          '  BROKERS.0: host:port',
          '  LOG_LEVEL: Invalid option: expected one of "log"|"warn"',
        ].join('\n'),
      ),
    );
  });

  it('names a missing variable, and the rules that span variables', () => {
    expect(() => loadSettings('demo', Settings, {})).toThrow(
      /^Invalid demo configuration:\n {2}BROKERS: Invalid input: expected string, received undefined$/,
    );
    expect(() => loadSettings('demo', Settings, { BROKERS: 'k:1', MODE: 'b' })).toThrow(
      /^Invalid demo configuration:\n {2}SECRET: MODE=b needs a secret$/,
    );
  });

  it('does not echo the values it refuses', () => {
    expect(() => loadSettings('demo', Settings, { BROKERS: 'k:1', PORT: 'hunter2' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
