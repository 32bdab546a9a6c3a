import { type Actor, inScope, isOperation, requireRole, type ResourceOwner } from '@licensing/domain';
import { NotFound } from './application-errors';

/**
 * Holds a command to the actor's data scope (the permissions table's
 * `inScope`). Out of scope answers exactly like a resource that does not
 * exist (404, nothing stored): "not yours" and "not there" must read the
 * same, or anyone could enumerate other exporters' cases by id.
 *
 * A role the table does not allow at all is refused as the deciders refuse
 * it (403). `what` names the resource refused: the stream's aggregate and id, or the
 * exporter a command would start a case for.
 */
export function requireInScope(
  type: string,
  actor: Actor,
  owner: ResourceOwner,
  what: { readonly kind: string; readonly id: string },
): void {
  // A command the table does not know is a wiring error; refuse rather than let it through.
  if (!isOperation(type)) throw new Error(`${type} is not an operation of the permissions table.`);
  // The role first (403, as the decider would): it depends on the actor alone and reveals no data.
  requireRole(type, actor);
  if (inScope(type, actor, owner)) return;
  const code = `${what.kind.replace(/ /g, '_')}.not_found`;
  const actsFor = actor.exporterIds?.length ? ` You act for: ${actor.exporterIds.join(', ')}.` : '';
  throw new NotFound(code, `There is no ${what.kind} ${what.id} you can act on.${actsFor}`, {
    resource: what.kind,
    id: what.id,
  });
}
