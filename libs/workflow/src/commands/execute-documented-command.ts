import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandType, SuppliedDocument } from '@licensing/domain';
import { DOCUMENT_CONTENT, type DocumentContentStore } from '../documents/document-content';
import { resolveDocumentRefs } from '../documents/resolve-document-refs';
import { CommandRunner, type CommandOutcome, type RunOptions } from '../shared/command-runner';
import type { AnyAggregate, DomainCommand } from './execute-domain-command';

type Data = Record<string, unknown>;

/** Where each command that names documents carries them. */
const documentsOf: Partial<Record<CommandType, { get(data: Data): unknown; set(data: Data, docs: unknown): Data }>> = {
  SupplyDocuments: { get: (data) => data['documents'], set: (data, documents) => ({ ...data, documents }) },
  DraftApplication: {
    get: (data) => (data['application'] as Data)['documents'],
    set: (data, documents) => ({ ...data, application: { ...(data['application'] as Data), documents } }),
  },
  ReviseDraft: {
    get: (data) => (data['application'] as Data)['documents'],
    set: (data, documents) => ({ ...data, application: { ...(data['application'] as Data), documents } }),
  },
};

/** The command types whose documents may name uploaded bytes by hash. */
export const documentedCommandTypes = Object.keys(documentsOf) as CommandType[];

/**
 * A domain command that names documents: like `ExecuteDomainCommand`, but
 * every document given by hash is checked against the document store (and
 * its media type filled in) after the data scope let the actor in, so an
 * out-of-scope request learns nothing about which bytes are stored.
 */
export class ExecuteDocumentedCommand extends Command<CommandOutcome> {
  constructor(
    readonly aggregate: AnyAggregate,
    readonly id: string,
    readonly command: DomainCommand,
    readonly options: RunOptions,
  ) {
    super();
  }
}

@CommandHandler(ExecuteDocumentedCommand)
export class ExecuteDocumentedCommandHandler implements ICommandHandler<ExecuteDocumentedCommand> {
  constructor(
    @Inject(CommandRunner) private readonly runner: CommandRunner,
    @Inject(DOCUMENT_CONTENT) private readonly documents: DocumentContentStore,
  ) {}

  execute({ aggregate, id, command, options }: ExecuteDocumentedCommand): Promise<CommandOutcome> {
    const type = command.type as CommandType;
    const where = documentsOf[type];
    if (where === undefined) throw new Error(`${type} names no documents`);
    return this.runner.execute(
      aggregate,
      id,
      {
        type,
        metadata: command.metadata,
        build: async () => {
          const data = command.data as Data;
          const named = where.get(data) as SuppliedDocument[] | undefined;
          if (named === undefined) return command;
          return { ...command, data: where.set(data, await resolveDocumentRefs(this.documents, named)) };
        },
      },
      options,
    );
  }
}
