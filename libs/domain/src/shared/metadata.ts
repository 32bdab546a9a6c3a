import { z } from 'zod';

/** Who may act. Guards map a request to one of these; deciders check them. */
export const Role = z.enum(['exporter', 'licensing_officer', 'reviewer', 'policy_officer', 'auditor', 'system']);
export type Role = z.infer<typeof Role>;

export const Actor = z.object({
  id: z.string().min(1),
  role: Role,
});
export type Actor = z.infer<typeof Actor>;

/** An instant in UTC, ISO 8601 with a Z suffix. */
export const Instant = z.iso.datetime({ offset: false });
export type Instant = z.infer<typeof Instant>;

/**
 * What every command carries besides its data. Time, ids and the actor come
 * from here, never from the clock or globals, so replaying a decision is exact.
 */
export const CommandMetadata = z.object({
  commandId: z.string().min(1),
  actor: Actor,
  /** When the command was issued (UTC). */
  occurredAt: Instant,
  correlationId: z.string().min(1).optional(),
  causationId: z.string().min(1).optional(),
});
export type CommandMetadata = z.infer<typeof CommandMetadata>;

export interface Command<Type extends string, Data> {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
}
