import { retryPolicy, WRITE_CONFLICT_RETRY } from './retry-policy';

class Conflict extends Error {}

/** A call that throws the given errors in turn, then answers 'done'. */
function failingWith(...errors: Error[]) {
  const calls = { count: 0 };
  const call = async () => {
    calls.count += 1;
    const error = errors.shift();
    if (error) throw error;
    return 'done';
  };
  return { call, calls };
}

const isConflict = (error: unknown) => error instanceof Conflict;

describe('retryPolicy', () => {
  it('runs the call again after a retryable error, with a short wait between attempts', async () => {
    const policy = retryPolicy(isConflict, WRITE_CONFLICT_RETRY);
    const delays: number[] = [];
    policy.onRetry((event) => delays.push(event.delay));
    const { call, calls } = failingWith(new Conflict('raced'), new Conflict('raced again'));
    await expect(policy.execute(call)).resolves.toBe('done');
    expect(calls.count).toBe(3);
    expect(delays).toHaveLength(2);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(0);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(WRITE_CONFLICT_RETRY.backoff.maxDelayMs);
  });

  it('gives up after `retries` retries with the call’s own last error', async () => {
    const policy = retryPolicy(isConflict, WRITE_CONFLICT_RETRY);
    const last = new Conflict('fifth');
    const { call, calls } = failingWith(
      new Conflict('1'),
      new Conflict('2'),
      new Conflict('3'),
      new Conflict('4'),
      last,
      new Conflict('never'),
    );
    await expect(policy.execute(call)).rejects.toBe(last);
    expect(calls.count).toBe(WRITE_CONFLICT_RETRY.retries + 1);
  });

  it('does not retry an error it was not told to', async () => {
    const refused = new Error('refused by the domain');
    const { call, calls } = failingWith(refused);
    await expect(retryPolicy(isConflict, WRITE_CONFLICT_RETRY).execute(call)).rejects.toBe(refused);
    expect(calls.count).toBe(1);
  });

  it('waits the exact schedule without jitter', async () => {
    const policy = retryPolicy(isConflict, {
      retries: 3,
      backoff: { initialDelayMs: 1, maxDelayMs: 3, multiplier: 2, jitter: false },
    });
    const delays: number[] = [];
    policy.onRetry((event) => delays.push(event.delay));
    const { call } = failingWith(new Conflict('a'), new Conflict('b'), new Conflict('c'));
    await expect(policy.execute(call)).resolves.toBe('done');
    expect(delays).toEqual([1, 2, 3]);
  });

  it('refuses settings that make no sense', () => {
    expect(() => retryPolicy(isConflict, { ...WRITE_CONFLICT_RETRY, retries: -1 })).toThrow(
      /retries must be a whole number ≥ 0, got -1/,
    );
    expect(() =>
      retryPolicy(isConflict, { retries: 1, backoff: { ...WRITE_CONFLICT_RETRY.backoff, initialDelayMs: 0 } }),
    ).toThrow(/Invalid retry backoff: initialDelayMs must be a positive number/);
  });
});
