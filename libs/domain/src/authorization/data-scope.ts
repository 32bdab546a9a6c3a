import type { Actor } from '../shared/metadata';
import { dataScope, type Operation } from './permissions';

/**
 * Whose a resource is, as far as data scope goes: the exporter it belongs to
 * and, for an application, the reviewer assigned to it. A field that is
 * absent or null names nobody, so only `all` reaches the resource (an empty
 * stream, an application no reviewer is assigned to yet).
 */
export interface ResourceOwner {
  readonly exporterId?: string | null;
  readonly reviewerId?: string | null;
}

/**
 * May this actor see or act on this resource with this operation? The role
 * must be in the operation's row and the resource within the role's data
 * scope. Pure, so the command runner, the read models and the specs all ask
 * the same question. Callers treat `false` as "does not exist for this actor".
 */
export function inScope(operation: Operation, actor: Actor, resource: ResourceOwner): boolean {
  switch (dataScope(operation, actor.role)) {
    case 'all':
      return true;
    case 'own-exporter':
      return typeof resource.exporterId === 'string' && (actor.exporterIds ?? []).includes(resource.exporterId);
    case 'assigned-reviewer':
      return typeof resource.reviewerId === 'string' && resource.reviewerId === actor.id;
    default:
      // Not in the row at all: no data is in scope.
      return false;
  }
}

/** `inScope` bound to one operation and actor: the predicate a read model filters with. */
export type ScopePredicate = (resource: ResourceOwner) => boolean;

export function scopeFor(operation: Operation, actor: Actor): ScopePredicate {
  return (resource) => inScope(operation, actor, resource);
}
