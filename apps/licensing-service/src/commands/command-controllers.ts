import { Controller, Inject, Param, Post, Req, UseGuards, UseInterceptors, type Type } from '@nestjs/common';
import type { Actor } from '@licensing/domain';
import { ActorGuard, Authorize, CurrentActor, IdempotencyInterceptor } from '@licensing/workflow';
import type { Request } from 'express';
import { CommandGateway, unknownAction } from './command-gateway';
import type { CommandRoute, Resource } from './command-route';
import { commandRoutes } from './command-routes';

/**
 * `POST /<resource>` and `POST /<resource>/{id}/<action>` for one resource's
 * route table. The guard finds the route's command type and checks the
 * actor's role against the permissions table before anything runs; an
 * unknown action names no operation and gets the handler's 404.
 */
function commandController(resource: Resource, routes: readonly CommandRoute[]): Type {
  const create = routes.find((route) => route.action === null);
  const actions = new Map(routes.filter((r) => r.action !== null).map((route) => [route.action, route]));

  @Controller(resource)
  @UseGuards(ActorGuard)
  @UseInterceptors(IdempotencyInterceptor)
  class ResourceCommandsController {
    constructor(@Inject(CommandGateway) private readonly gateway: CommandGateway) {}

    @Post()
    @Authorize(() => create?.commandType)
    create(@Req() request: Request, @CurrentActor() actor: Actor) {
      if (!create) throw unknownAction(resource, '(create)', routes);
      return this.gateway.run(create, request, actor);
    }

    @Post(':id/:action')
    @Authorize((request) => actions.get(String(request.params['action']))?.commandType)
    act(
      @Param('id') id: string,
      @Param('action') action: string,
      @Req() request: Request,
      @CurrentActor() actor: Actor,
    ) {
      const route = actions.get(action);
      if (!route) throw unknownAction(resource, action, routes);
      return this.gateway.run(route, request, actor, id);
    }
  }
  Object.defineProperty(ResourceCommandsController, 'name', { value: `${resource}CommandsController` });
  return ResourceCommandsController;
}

export const commandControllers: Type[] = (Object.keys(commandRoutes) as Resource[]).map((resource) =>
  commandController(resource, commandRoutes[resource]),
);
