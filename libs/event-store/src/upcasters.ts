import { RecordedEvent } from './envelope';

/** Turns `data` of schema version `fromVersion` into version `fromVersion + 1`. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown, event: RecordedEvent): unknown;
}

/**
 * Old schema versions are upcast on read, never rewritten (docs/architecture.md). The
 * registry holds one step per (type, fromVersion); reading applies steps in
 * chain until no further step exists, which is the current version. Stored
 * bytes, and so the integrity chain, are untouched.
 */
export class Upcasters {
  private readonly steps = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    for (const upcaster of upcasters) this.register(upcaster);
  }

  register(upcaster: Upcaster): this {
    const key = keyOf(upcaster.type, upcaster.fromVersion);
    if (this.steps.has(key)) {
      throw new Error(`Two upcasters for ${upcaster.type} v${upcaster.fromVersion}: keep one step per version.`);
    }
    this.steps.set(key, upcaster);
    return this;
  }

  /** The event at its current schema version; the same object when no step applies. */
  apply<Data = unknown>(event: RecordedEvent): RecordedEvent<Data> {
    let current = event;
    for (
      let step = this.steps.get(keyOf(current.type, current.version));
      step;
      step = this.steps.get(keyOf(current.type, current.version))
    ) {
      current = { ...current, version: current.version + 1, data: step.upcast(current.data, current) };
    }
    return current as RecordedEvent<Data>;
  }
}

function keyOf(type: string, version: number): string {
  return `${version}:${type}`;
}
