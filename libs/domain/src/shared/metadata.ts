import { z } from 'zod';
import { ROLE_NAMES } from './role-names';

/**
 * Who may act. A verified token maps to one of these; the authorization
 * table and the deciders check them. `system` is the service's own
 * scheduler and seeder: no external token can claim it.
 */
export const Role = z.enum(ROLE_NAMES);
export type Role = z.infer<typeof Role>;

/** The roles a person (an identity provider's token) may hold. */
export const PersonRole = Role.exclude(['system']);
export type PersonRole = z.infer<typeof PersonRole>;

export const Actor = z.object({
  /** The verified subject (`sub`), or the service's own name for `system`. */
  id: z.string().min(1),
  role: Role,
  /** Who vouched for the subject: the token's `iss`. Absent for `system` and for events recorded before tokens. */
  issuer: z.string().min(1).optional(),
  /** For exporter users: the exporters they act for (data scope). */
  exporterIds: z.array(z.string().min(1)).optional(),
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
