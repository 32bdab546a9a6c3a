import { type Actor, Role } from '../shared/metadata';
import { inScope, scopeFor } from './data-scope';
import { dataScope, isAllowed, type Operation, operations } from './permissions';

const ROLES = Role.options;
const MINE = 'ningbo-magnetics';
const THEIRS = 'baotou-rare-earth';

/** One person per role; the exporter acts for MINE, the reviewer is `wang.fang`. */
function actor(role: Role): Actor {
  const id = role === 'reviewer' ? 'wang.fang' : `${role}-1`;
  return role === 'exporter' ? { id, role, exporterIds: [MINE] } : { id, role };
}

// The actor's own resource and another's, as each scope defines "own".
const own = { exporterId: MINE, reviewerId: 'wang.fang' };
const others = { exporterId: THEIRS, reviewerId: 'zhou.bo' };

describe('inScope: may this actor see or act on this resource', () => {
  const cases = operations.flatMap((operation) => ROLES.map((role) => [operation, role] as [Operation, Role]));

  it.each(cases)('%s as %s: own and other resources per the table', (operation, role) => {
    const scope = dataScope(operation, role);
    const seen = { own: inScope(operation, actor(role), own), other: inScope(operation, actor(role), others) };
    const expected = {
      all: { own: true, other: true },
      'own-exporter': { own: true, other: false },
      'assigned-reviewer': { own: true, other: false },
      none: { own: false, other: false },
    }[scope ?? 'none'];
    expect(seen).toEqual(expected);
    expect(isAllowed(operation, role)).toBe(scope !== undefined);
  });

  it('reaches an exporter only through the exporters the actor acts for', () => {
    const both: Actor = { id: 'li.wei', role: 'exporter', exporterIds: [MINE, THEIRS] };
    const none: Actor = { id: 'li.wei', role: 'exporter' };
    expect(inScope('GetLicense', both, { exporterId: THEIRS })).toBe(true);
    expect(inScope('GetLicense', none, { exporterId: MINE })).toBe(false);
    expect(inScope('GetLicense', { ...none, exporterIds: [] }, { exporterId: MINE })).toBe(false);
  });

  it('reaches nothing a scoped role cannot name: an empty stream, an application with no reviewer yet', () => {
    expect(inScope('SubmitApplication', actor('exporter'), {})).toBe(false);
    expect(inScope('GetApplication', actor('reviewer'), { exporterId: MINE, reviewerId: null })).toBe(false);
    expect(inScope('AcceptApplication', actor('licensing_officer'), {})).toBe(true);
  });

  it('judges the reviewer by the verified subject, not by any exporter', () => {
    const reviewer = actor('reviewer');
    expect(inScope('GetApplication', { ...reviewer, exporterIds: [MINE] }, { exporterId: MINE })).toBe(false);
    expect(inScope('CompleteReview', { ...reviewer, id: 'zhou.bo' }, own)).toBe(false);
  });

  it('binds an operation and an actor into the predicate a read model filters with', () => {
    const visible = scopeFor('ListApplications', actor('exporter'));
    expect([own, others].filter(visible)).toEqual([own]);
    expect([own, others].filter(scopeFor('ListApplications', actor('auditor')))).toEqual([own, others]);
    expect([own, others].filter(scopeFor('ListApplications', actor('policy_officer')))).toEqual([]);
  });
});
