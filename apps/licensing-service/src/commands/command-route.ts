import type { ICommand } from '@nestjs/cqrs';
import type { CommandMetadata, CommandType } from '@licensing/domain';
import {
  type AnyAggregate,
  documentedCommandTypes,
  ExecuteDocumentedCommand,
  ExecuteDomainCommand,
  type RunOptions,
} from '@licensing/workflow';
import { z } from 'zod';

export type Resource = 'exporters' | 'applications' | 'licenses' | 'control-measures';

export interface RouteInput {
  /** The stream's id: from the path, or chosen for a new stream by `newId`. */
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly metadata: CommandMetadata;
  readonly options: RunOptions;
}

/**
 * One command endpoint: `POST /<resource>` (action null, starts a stream) or
 * `POST /<resource>/{id}/<action>`. The table of routes drives the
 * controllers, the validation and the OpenAPI document alike.
 */
export interface CommandRoute {
  readonly resource: Resource;
  readonly action: string | null;
  /** Its row in the permissions table: who may send it (the guard, the decider and the OpenAPI document read it there). */
  readonly commandType: CommandType;
  readonly summary: string;
  /** The request body: the command's own schema without the id the path carries. */
  readonly body: z.ZodObject;
  /** For a new stream: its id, from the body or derived from the command id. */
  newId?(body: Record<string, unknown>, derived: string): string;
  toCommand(input: RouteInput): ICommand;
}

interface DomainRouteSpec {
  readonly resource: Resource;
  readonly action: string | null;
  readonly aggregate: AnyAggregate;
  readonly commandType: CommandType;
  /** The domain's `*CommandData` schema. */
  readonly data: z.ZodObject;
  /** The id field of `data` that names the stream, e.g. `applicationId`. */
  readonly idField: string;
  readonly summary: string;
}

/**
 * A route whose body is the domain command's data. The top level is strict,
 * so a misspelt field is a 400 naming it rather than silently ignored.
 */
export function domainRoute(spec: DomainRouteSpec): CommandRoute {
  const { idField } = spec;
  const shape: Record<string, z.ZodType> = { ...spec.data.shape };
  const idSchema = shape[idField];
  if (idSchema === undefined) throw new Error(`${spec.commandType} has no field ${idField}`);
  delete shape[idField];
  const body =
    spec.action === null ? z.strictObject({ ...shape, [idField]: idSchema.optional() }) : z.strictObject(shape);
  return {
    resource: spec.resource,
    action: spec.action,
    commandType: spec.commandType,
    summary: spec.summary,
    body,
    ...(spec.action === null
      ? {
          newId: (input: Record<string, unknown>, derived: string) =>
            typeof input[idField] === 'string' ? input[idField] : derived,
        }
      : {}),
    toCommand: ({ id, body: input, metadata, options }) => {
      const command = { type: spec.commandType, data: { ...input, [idField]: id }, metadata };
      // A command that names documents has each hash checked against the document store first.
      return documentedCommandTypes.includes(spec.commandType)
        ? new ExecuteDocumentedCommand(spec.aggregate, id, command, options)
        : new ExecuteDomainCommand(spec.aggregate, id, command, options);
    },
  };
}
