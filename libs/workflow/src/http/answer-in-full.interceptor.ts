import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';

/**
 * Reads whose ETag is a stream's revision (for `If-Match` on the next
 * command) while the answer also shows other streams and the date: a
 * license issued on the application, a status that changes on a day. Such
 * an ETag does not identify the representation, so Express must not answer
 * a matching `If-None-Match` with 304: these reads always answer in full.
 */
@Injectable()
export class AnswerInFull implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    delete request.headers['if-none-match'];
    delete request.headers['if-modified-since'];
    return next.handle();
  }
}
