/** A rebuild named a read model the runner does not have. */
export class UnknownReadModelError extends Error {
  override readonly name = 'UnknownReadModelError';

  constructor(
    readonly readModel: string,
    readonly known: readonly string[],
  ) {
    super(`There is no read model named ${readModel}; the read models are ${known.join(', ')}.`);
  }
}

/** A rebuild asked for a read model another rebuild is rebuilding now. */
export class RebuildAlreadyRunningError extends Error {
  override readonly name = 'RebuildAlreadyRunningError';

  constructor(
    readonly rebuildId: string,
    readonly readModels: readonly string[],
  ) {
    super(`Rebuild ${rebuildId} is rebuilding ${readModels.join(', ')} now; start another once it has finished.`);
  }
}
