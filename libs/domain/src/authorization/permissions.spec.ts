import { PersonRole, Role } from '../shared/metadata';
import { DomainError, ForbiddenError } from '../shared/errors';
import {
  allowedRoles,
  commandTypes,
  dataScope,
  describeOperation,
  isAllowed,
  operations,
  permissions,
  requireRole,
} from './permissions';
import { acceptableCommands } from './testing/acceptable-commands';

const ROLES = Role.options;

/** Runs the real decider; the refusal it throws, or null when it decided. */
function refusal(run: () => unknown[]): DomainError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('the permissions table', () => {
  it('has a case for every command type, so every decider is checked below', () => {
    expect(Object.keys(acceptableCommands).sort()).toEqual([...commandTypes].sort());
  });

  describe.each(commandTypes)('%s: the decider agrees with the table', (type) => {
    const allowed = allowedRoles(type);

    it.each(ROLES.filter((role) => allowed.includes(role)))('decides it when a %s sends it', (role) => {
      const error = refusal(() => acceptableCommands[type](role));
      expect(error).toBeNull();
    });

    it.each(ROLES.filter((role) => !allowed.includes(role)))('refuses a %s as forbidden, naming who may', (role) => {
      const error = refusal(() => acceptableCommands[type](role));
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ kind: 'forbidden', code: expect.stringMatching(/\.forbidden$/) });
      expect(error?.message).toContain(role);
    });
  });

  it('gives every operation at least one role and no role twice', () => {
    for (const operation of operations) {
      const roles = allowedRoles(operation);
      expect({ operation, some: roles.length > 0, unique: new Set(roles).size === roles.length }).toEqual({
        operation,
        some: true,
        unique: true,
      });
    }
  });

  it('lets case readers see case data, officers and auditors replay decisions, and only ops administer', () => {
    expect(allowedRoles('GetLicense')).toEqual(['exporter', 'licensing_officer', 'auditor', 'reviewer']);
    expect(allowedRoles('GetApplication')).toEqual(['exporter', 'licensing_officer', 'reviewer', 'auditor']);
    expect(allowedRoles('ReplayDecision')).toEqual(['licensing_officer', 'auditor']);
    expect(allowedRoles('ListMeasures')).not.toContain('system');
    expect(allowedRoles('RunScheduler')).toEqual(['ops']);
    expect(allowedRoles('ListConsumers')).toEqual(['ops', 'auditor']);
    expect(allowedRoles('ListRebuilds')).toEqual(['ops', 'auditor']);
  });

  it('states a data scope for every role it allows: exporters their own, reviewers their assigned, others all', () => {
    // The law and the API's description are nobody's case data: everyone reads all of them.
    // The law, the API's description, and the log's size and root: nobody's case data.
    const publicKnowledge = [
      'ListMeasures',
      'GetMeasureHistory',
      'ListPolicyChanges',
      'ListAnnouncements',
      'GetAnnouncement',
      'ReadOpenApi',
      'ReadTreeHeads',
      'ProveConsistency',
      // Bytes uploaded belong to no case until a case names them (reading them is scoped: GetDocument).
      'UploadDocument',
    ];
    const caseScope: Partial<Record<string, string>> = { exporter: 'own-exporter', reviewer: 'assigned-reviewer' };
    for (const operation of operations) {
      for (const [role, scope] of Object.entries(permissions[operation])) {
        const expected = publicKnowledge.includes(operation) ? 'all' : (caseScope[role] ?? 'all');
        expect({ operation, role, scope }).toEqual({ operation, role, scope: expected });
      }
    }
    expect(dataScope('CompleteReview', 'reviewer')).toBe('assigned-reviewer');
    expect(dataScope('ListMeasures', 'reviewer')).toBe('all');
    expect(dataScope('GetLicense', 'reviewer')).toBe('assigned-reviewer');
    expect(dataScope('CompleteAmendmentReview', 'reviewer')).toBe('assigned-reviewer');
  });

  it('keeps system to what the service itself sends (scheduler, seeder), never an HTTP-only operation', () => {
    const systemOperations = operations.filter((operation) => isAllowed(operation, 'system'));
    expect(systemOperations.sort()).toEqual(
      [
        'ExpireLicense',
        'MarkReviewDeadlineMissed',
        // The process manager applying an announcement's acts records how each went.
        'RecordAnnouncementActOutcome',
        ...commandTypes.filter((type) => allowedRoles(type).includes('policy_officer')),
      ].sort(),
    );
  });

  it('lets auditors read everything and send nothing, and every person read the rule history and the API', () => {
    const queries = operations.filter((operation) => !commandTypes.includes(operation as never));
    // Operations that change what the service runs or holds, not reads: ops alone.
    const reads = queries.filter(
      (operation) => !['RebuildReadModels', 'RunScheduler', 'CreateBackup', 'UploadDocument'].includes(operation),
    );
    expect(reads.filter((operation) => dataScope(operation, 'auditor') !== 'all')).toEqual([]);
    expect(commandTypes.filter((type) => isAllowed(type, 'auditor'))).toEqual([]);
    for (const role of PersonRole.options) expect(dataScope('ReadOpenApi', role)).toBe('all');
    for (const role of PersonRole.options) expect(dataScope('GetMeasureHistory', role)).toBe('all');
  });

  it("refuses a query with its scope's code and words it for a person", () => {
    expect(() => requireRole('ReplayDecision', { id: 'li.wei', role: 'exporter' })).toThrow(
      expect.objectContaining({
        code: 'application.forbidden',
        kind: 'forbidden',
        message: 'A exporter may not replay decision; only licensing_officer or auditor may.',
      }),
    );
    expect(() => requireRole('RunScheduler', { id: 'zhang.min', role: 'licensing_officer' })).toThrow(
      expect.objectContaining({ code: 'admin.forbidden' }),
    );
    expect(describeOperation('AcceptApplication')).toBe('send AcceptApplication');
    expect(describeOperation('RebuildReadModels')).toBe('rebuild read models');
  });
});
