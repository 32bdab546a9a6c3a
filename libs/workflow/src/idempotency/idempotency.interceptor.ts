import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { Actor } from '@licensing/domain';
import { IdempotencyKeyReused, InvalidRequest } from '../shared/application-errors';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, Observable, of, switchMap } from 'rxjs';
import { CLOCK, type Clock } from '../shared/clock';
import type { IdempotencyStore, RememberedResponse } from './idempotency.store';

export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');
const KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * What a command endpoint returns: the interceptor writes status and ETag,
 * and remembers the whole response under the request's Idempotency-Key.
 */
export class CommandResponse {
  constructor(
    readonly status: number,
    readonly etag: string,
    readonly body: unknown,
  ) {}
}

export function fingerprintOf(request: Request): string {
  return createHash('sha256')
    .update(`${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
}

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header('idempotency-key');
    const actorId = request.actor?.id ?? 'anonymous';
    const fingerprint = fingerprintOf(request);

    if (key !== undefined) {
      if (!KEY.test(key)) {
        throw new InvalidRequest(
          'request.invalid_idempotency_key',
          'Idempotency-Key must be 1 to 255 visible ASCII characters; a UUID is a good choice.',
        );
      }
      const remembered = this.store.find(actorId, key);
      if (remembered) return of(this.replay(remembered, fingerprint, response));
    }

    return next.handle().pipe(
      switchMap((result: unknown) =>
        from(
          Promise.resolve().then(() => {
            if (!(result instanceof CommandResponse)) return result;
            const remembered: RememberedResponse = {
              fingerprint,
              status: result.status,
              headers: result.etag === '' ? {} : { ETag: result.etag },
              body: result.body,
            };
            if (key !== undefined) this.store.remember(actorId, key, remembered, this.clock.now());
            return this.send(remembered, response);
          }),
        ),
      ),
    );
  }

  private replay(remembered: RememberedResponse, fingerprint: string, response: Response): unknown {
    if (remembered.fingerprint !== fingerprint) {
      throw new IdempotencyKeyReused();
    }
    response.setHeader('Idempotent-Replayed', 'true');
    return this.send(remembered, response);
  }

  private send(remembered: RememberedResponse, response: Response): unknown {
    response.status(remembered.status);
    for (const [name, value] of Object.entries(remembered.headers)) response.setHeader(name, value);
    return remembered.body;
  }
}
