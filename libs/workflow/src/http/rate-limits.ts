import { type CallHandler, type ExecutionContext, type NestInterceptor, type Provider } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, Reflector } from '@nestjs/core';
import { SkipThrottle, ThrottlerGuard, type ThrottlerLimitDetail, ThrottlerStorageService } from '@nestjs/throttler';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { EdgeRefusal } from './edge-refusal';

export interface RateLimits {
  /** Requests a minute per authenticated subject; 0: no limit. */
  readonly perSubjectPerMinute: number;
  /** Requests a minute per client address; 0: no limit. */
  readonly perAddressPerMinute: number;
}

type LimitName = 'address' | 'subject';
const MINUTE_MS = 60_000;
const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/** On a controller or handler: never throttled (health probes must answer however busy the service is). */
export const Unthrottled = () => SkipThrottle({ address: true, subject: true });

/**
 * The subject the actor guard resolved: issuer and id, so the same `sub`
 * from two identity providers is two subjects. Undefined before the guard
 * ran and on public endpoints.
 */
function subjectOf(request: unknown): string | undefined {
  const actor = (request as { actor?: { id?: unknown; issuer?: unknown } }).actor;
  if (typeof actor?.id !== 'string') return undefined;
  return typeof actor.issuer === 'string' ? `${actor.issuer} ${actor.id}` : actor.id;
}

/**
 * One named limit of @nestjs/throttler over a sliding minute. One budget for
 * the whole API (the library keys by route by default), and a refusal is a
 * 429 problem with `Retry-After`: the seconds until the oldest counted
 * request leaves the window. Refused requests are not counted, so a client
 * that waits as told gets through.
 */
class Limit extends ThrottlerGuard {
  constructor(
    private readonly name: LimitName,
    limit: number,
    storage: ThrottlerStorageService,
    reflector: Reflector,
  ) {
    const subject =
      name === 'subject'
        ? {
            getTracker: (request: Record<string, unknown>) => subjectOf(request) ?? '',
            skipIf: (context: ExecutionContext) => subjectOf(context.switchToHttp().getRequest()) === undefined,
          }
        : {};
    super(
      { throttlers: [{ name, limit, ttl: MINUTE_MS, blockDuration: 0, ...subject }], setHeaders: false },
      storage,
      reflector,
    );
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    const per = this.name === 'subject' ? 'for this user' : 'from this address';
    throw new EdgeRefusal(
      429,
      'request.rate_limited',
      `More than ${detail.limit} requests a minute ${per}; retry after ${retryAfter} s.`,
      { limit: detail.limit, per: this.name, retryAfterSeconds: retryAfter },
    );
  }
}

async function limitOf(name: LimitName, limit: number, storage: ThrottlerStorageService, reflector: Reflector) {
  if (limit === 0) return undefined;
  const guard = new Limit(name, limit, storage, reflector);
  await guard.onModuleInit();
  return guard;
}

/**
 * The subject is known only once the actor guard has run, and global guards
 * run before a controller's; interceptors run after every guard, so the
 * per-subject limit is checked here, before the idempotency interceptor
 * and the handler: a refused request stores nothing.
 */
class SubjectLimitInterceptor implements NestInterceptor {
  constructor(private readonly limit: Limit | undefined) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (this.limit && context.getType() === 'http') await this.limit.canActivate(context);
    return next.handle();
  }
}

/**
 * The rate limits as app providers: per address as a global guard (before
 * authentication, so it also bounds attempts to guess a token), per subject
 * as a global interceptor (after it). Both share one in-memory store: the
 * limits hold per process.
 */
export function rateLimitProviders(limits: RateLimits): Provider[] {
  return [
    { provide: RATE_LIMIT_STORAGE, useClass: ThrottlerStorageService },
    {
      provide: APP_GUARD,
      useFactory: async (storage: ThrottlerStorageService, reflector: Reflector) =>
        (await limitOf('address', limits.perAddressPerMinute, storage, reflector)) ?? { canActivate: () => true },
      inject: [RATE_LIMIT_STORAGE, Reflector],
    },
    {
      provide: APP_INTERCEPTOR,
      useFactory: async (storage: ThrottlerStorageService, reflector: Reflector) =>
        new SubjectLimitInterceptor(await limitOf('subject', limits.perSubjectPerMinute, storage, reflector)),
      inject: [RATE_LIMIT_STORAGE, Reflector],
    },
  ];
}
