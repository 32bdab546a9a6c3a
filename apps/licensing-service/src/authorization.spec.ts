import 'reflect-metadata';
import { GUARDS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { allowedRoles, commandTypes, isOperation, type Operation, operations, permissions } from '@licensing/domain';
import { ActorGuard, OPERATION_METADATA, type OperationOf } from '@licensing/workflow';
import type { Request } from 'express';
import { AppModule } from './app.module';
import { commandRoutes } from './commands/command-routes';
import { loadConfig } from './config';
import { openApiDocument } from './openapi/openapi-document';
import { WORK_QUEUES } from './work-queues/work-queue-query';

// Public by design, outside the permissions table (see libs/domain/src/authorization/permissions.ts):
// health for probes, and the local issuer's public keys for whoever verifies its tokens
// and its sign-in for the console (which is how a browser gets a token at all).
const PUBLIC = [
  'LocalSignInController.authorize',
  'LocalSignInController.signIn',
  'LocalSignInController.token',
  'HealthController.live',
  'HealthController.ready',
  'MetricsController.scrape',
  'WellKnownController.jwks',
  'WellKnownController.openIdConfiguration',
];

interface Handler {
  name: string;
  guarded: boolean;
  operation: OperationOf | undefined;
}

/** Every HTTP handler of the service as Nest sees it: its guard and the operation it declares. */
function handlers(): Handler[] {
  const controllers = AppModule.forRoot(loadConfig({})).controllers ?? [];
  return controllers.flatMap((controller) => {
    const prototype = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(prototype)
      .filter(
        (key) => key !== 'constructor' && Reflect.getMetadata(PATH_METADATA, prototype[key] as object) !== undefined,
      )
      .map((key) => {
        const method = prototype[key] as object;
        const guards = [
          ...(Reflect.getMetadata(GUARDS_METADATA, controller) ?? []),
          ...(Reflect.getMetadata(GUARDS_METADATA, method) ?? []),
        ];
        return {
          name: `${controller.name}.${key}`,
          guarded: guards.includes(ActorGuard),
          operation:
            Reflect.getMetadata(OPERATION_METADATA, method) ?? Reflect.getMetadata(OPERATION_METADATA, controller),
        };
      });
  });
}

const request = (action?: string) => ({ params: action === undefined ? {} : { action } }) as unknown as Request;
const queueRequest = (queue: string) => ({ params: { queue } }) as unknown as Request;

/**
 * The query operations the handlers serve: those they declare, and one per
 * queue of GET /work-queues/{queue}, whose handler picks its row from the path.
 */
function servedQueries(all: readonly Handler[]): string[] {
  const queue = all.find((h) => h.name === 'WorkQueuesController.queue')?.operation;
  if (typeof queue !== 'function') throw new Error('WorkQueuesController.queue resolves no operation per queue.');
  const queues = Object.keys(WORK_QUEUES).map((name) => String(queue(queueRequest(name))));
  return [...all.map((h) => h.operation).filter((op): op is Operation => typeof op === 'string'), ...queues];
}

describe('authorization over HTTP reads the one permissions table', () => {
  const all = handlers();

  it('guards every handler but the public ones, each with an operation of the table', () => {
    expect(
      all
        .filter((h) => !h.guarded)
        .map((h) => h.name)
        .sort(),
    ).toEqual([...PUBLIC].sort());
    for (const handler of all.filter((h) => h.guarded)) {
      expect({ handler: handler.name, declared: handler.operation !== undefined }).toEqual({
        handler: handler.name,
        declared: true,
      });
      if (typeof handler.operation === 'string') expect(isOperation(handler.operation)).toBe(true);
    }
  });

  it('serves every query and admin operation of the table from some handler', () => {
    const served = servedQueries(all);
    // An operation may have several endpoints (ReadEventLog: one stream, `$all`). Commands come through the
    // route tables, but for those with an endpoint of their own (ops decisions on parked events, announcements).
    const ownEndpoint: readonly Operation[] = ['RetryParkedEvent', 'SkipParkedEvent', 'RecordAnnouncement'];
    const expected = operations.filter((op) => !commandTypes.includes(op as never) || ownEndpoint.includes(op));
    expect([...new Set(served)].sort()).toEqual(expected.sort());
  });

  it("finds each command route's type in the table, and the command handlers name it for the guard", () => {
    for (const [resource, routes] of Object.entries(commandRoutes)) {
      const create = all.find((h) => h.name === `${resource}CommandsController.create`)?.operation;
      const act = all.find((h) => h.name === `${resource}CommandsController.act`)?.operation;
      for (const route of routes) {
        expect(commandTypes).toContain(route.commandType);
        const resolve = route.action === null ? create : act;
        expect(typeof resolve === 'function' ? resolve(request(route.action ?? undefined)) : resolve).toBe(
          route.commandType,
        );
      }
      expect(typeof act === 'function' ? act(request('launch')) : 'not a resolver').toBeUndefined();
    }
  });

  it('finds the row of each work queue in the table, and none for a queue that does not exist', () => {
    const resolve = all.find((h) => h.name === 'WorkQueuesController.queue')?.operation;
    if (typeof resolve !== 'function') throw new Error('WorkQueuesController.queue resolves no operation per queue.');
    for (const [queue, { operation }] of Object.entries(WORK_QUEUES)) {
      expect({ queue, operation: resolve(queueRequest(queue)) }).toEqual({ queue, operation });
      expect(isOperation(operation)).toBe(true);
    }
    for (const unknown of ['my-inbox', '__proto__', 'constructor'])
      expect(resolve(queueRequest(unknown))).toBeUndefined();
  });

  it("shows each operation's roles from the table in the OpenAPI document, with 401 and 403", () => {
    const document = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    const documented = Object.values(document.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((op) => op['x-operation'] !== undefined);
    for (const op of documented) {
      const operation = op['x-operation'] as Operation;
      expect({ operation, roles: op['x-roles'] }).toEqual({ operation, roles: [...allowedRoles(operation)] });
      expect({ operation, scope: op['x-data-scope'] }).toEqual({ operation, scope: permissions[operation] });
      expect(op['description']).toContain(`Allowed roles: ${allowedRoles(operation).join(', ')}.`);
      expect(Object.keys(op['responses'] as object)).toEqual(expect.arrayContaining(['401', '403']));
    }
    const routed = Object.values(commandRoutes).flatMap((routes) => routes.map((r) => r.commandType));
    expect(documented.map((op) => op['x-operation']).sort()).toEqual([...routed, ...servedQueries(all)].sort());
  });
});
