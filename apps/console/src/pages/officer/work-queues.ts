import type { Operation } from '@licensing/domain';

/** A queue of GET /work-queues/{queue}: which row of the permissions table governs it, and what it lists. */
export interface WorkQueue {
  readonly name: string;
  readonly operation: Operation;
  readonly kind: 'application' | 'license';
  /** The window the queue takes, with the service's default. */
  readonly window?: {
    readonly parameter: 'withinWorkingDays' | 'withinDays' | 'thresholdPercent';
    readonly initial: number;
    readonly max: number;
  };
}

/** The seven queues, in the order a case passes through them (README, "Work queues"). */
export const WORK_QUEUES: readonly WorkQueue[] = [
  { name: 'awaiting-acceptance', operation: 'ListAwaitingAcceptance', kind: 'application' },
  { name: 'unassigned', operation: 'ListUnassigned', kind: 'application' },
  { name: 'assigned-to-me', operation: 'ListAssignedToMe', kind: 'application' },
  { name: 'awaiting-decision', operation: 'ListAwaitingDecision', kind: 'application' },
  {
    name: 'deadlines-due',
    operation: 'ListDeadlinesDue',
    kind: 'application',
    window: { parameter: 'withinWorkingDays', initial: 5, max: 45 },
  },
  {
    name: 'expiring-licenses',
    operation: 'ListExpiringLicenses',
    kind: 'license',
    window: { parameter: 'withinDays', initial: 30, max: 366 },
  },
  {
    name: 'nearly-exhausted',
    operation: 'ListNearlyExhausted',
    kind: 'license',
    window: { parameter: 'thresholdPercent', initial: 10, max: 100 },
  },
];
