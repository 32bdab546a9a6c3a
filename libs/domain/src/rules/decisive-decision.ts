import { DomainError } from '../shared/errors';
import { DecisionRecord } from './decision-record';

// Lower rank decides: a denial for any end user denies the application, then
// a general license that one end user makes ineligible, then the rest.
function rank(record: DecisionRecord): number {
  if (record.verdict === 'deny') return 0;
  if (record.generalLicense.requested && !record.generalLicense.eligible) return 1;
  if (record.verdict === 'license_required') return 2;
  return 3;
}

/**
 * A general application names several end users and is evaluated once per
 * end user (`applicationsForEvaluation`). The decision must hold for every
 * one of them, so the record that carries the strictest outcome is the one
 * the decision event records; ties keep the application's own order.
 */
export function decisiveDecision(records: readonly DecisionRecord[]): DecisionRecord {
  const [first, ...rest] = records;
  if (first === undefined) {
    throw new DomainError(
      'application.not_evaluable',
      'There is no evaluation to decide on: the application names no end user.',
    );
  }
  return rest.reduce((decisive, record) => (rank(record) < rank(decisive) ? record : decisive), first);
}
