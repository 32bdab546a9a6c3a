import { HttpEdgeSettings, RateLimitSettings } from './edge-settings';

describe('HTTP edge settings', () => {
  it('limits bodies to 1 MB and sends no CORS headers by default', () => {
    expect(HttpEdgeSettings.parse({})).toEqual({ BODY_LIMIT: 1024 * 1024, CORS_ORIGINS: [] });
  });

  it('reads sizes as people write them, in binary units', () => {
    const limit = (BODY_LIMIT: string) => HttpEdgeSettings.parse({ BODY_LIMIT }).BODY_LIMIT;
    expect([limit('512kb'), limit('2MB'), limit(' 65536 '), limit('4096b')]).toEqual([
      512 * 1024,
      2 * 1024 * 1024,
      65536,
      4096,
    ]);
  });

  it('refuses a size it cannot read or one out of bounds, saying what it accepts', () => {
    const issues = (BODY_LIMIT: string) =>
      HttpEdgeSettings.safeParse({ BODY_LIMIT }).error?.issues.map((issue) => issue.message);
    expect(issues('1gb')).toEqual(['a size such as 1mb, 512kb or 65536 (bytes)']);
    expect(issues('100mb')).toEqual(['at most 64mb']);
    expect(issues('10')).toEqual(['at least 1kb']);
  });

  it('reads a comma list of origins and refuses a wildcard or a path', () => {
    expect(
      HttpEdgeSettings.parse({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173,' }).CORS_ORIGINS,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(HttpEdgeSettings.safeParse({ CORS_ORIGINS: '*' }).success).toBe(false);
    expect(HttpEdgeSettings.safeParse({ CORS_ORIGINS: 'https://app.example.com/ui' }).success).toBe(false);
  });

  it('limits 600 requests a minute per subject and 1200 per address by default; 0 turns a limit off', () => {
    expect(RateLimitSettings.parse({})).toEqual({
      RATE_LIMIT_PER_MINUTE: 600,
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: 1200,
    });
    expect(RateLimitSettings.parse({ RATE_LIMIT_PER_MINUTE: '0' }).RATE_LIMIT_PER_MINUTE).toBe(0);
    // An empty variable is a mistake, not "no limit".
    expect(RateLimitSettings.safeParse({ RATE_LIMIT_PER_MINUTE: '' }).success).toBe(false);
    expect(RateLimitSettings.safeParse({ RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '-1' }).success).toBe(false);
  });
});
