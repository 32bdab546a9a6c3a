import type { Actor } from '../shared/metadata';
import { dataScope, type Operation } from './permissions';

/**
 * `inScope` as data rather than a predicate: what a list query puts in its
 * SQL, so a page of 50 is 50 rows the reader may see (filtering after the
 * query would break page sizes). Same table, same answers as `inScope`.
 */
export type RowScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'exporters'; readonly exporterIds: readonly string[] }
  | { readonly kind: 'reviewer'; readonly reviewerId: string }
  | { readonly kind: 'none' };

export function rowScopeFor(operation: Operation, actor: Actor): RowScope {
  switch (dataScope(operation, actor.role)) {
    case 'all':
      return { kind: 'all' };
    case 'own-exporter':
      return { kind: 'exporters', exporterIds: actor.exporterIds ?? [] };
    case 'assigned-reviewer':
      return { kind: 'reviewer', reviewerId: actor.id };
    default:
      return { kind: 'none' };
  }
}
