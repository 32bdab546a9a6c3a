import type { Operation } from '@licensing/domain';
import type { ApplicationQueue, LicenseQueue } from '@licensing/projections';
import { z } from 'zod';
import { Paging } from '../queries/list-query';
import { ReadQuery } from '../queries/read-query';

/**
 * A queue looks up to 366 days ahead of asOf, and 9999-12-31 is the last
 * legal date (addDays refuses to go past it): the last 366 days are refused
 * rather than answered with a 500.
 */
const LAST_AS_OF = '9998-12-30';
export const QueuePage = ReadQuery.extend({
  asOf: ReadQuery.shape.asOf
    .refine((date) => date === undefined || date <= LAST_AS_OF, {
      message: `at most ${LAST_AS_OF}: a queue's window must end on a date`,
    })
    .describe(`The date (China Standard Time) the queue is read on; default today, at most ${LAST_AS_OF}.`),
  ...Paging,
});
export const DeadlinesDueQuery = QueuePage.extend({
  withinWorkingDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(45)
    .default(5)
    .describe(
      'Deadlines on or before this many working days (weekends and the PUBLIC_HOLIDAYS_FILE calendar skipped) after asOf, and every deadline already past: 5 by default (a week), at most 45 (the whole review clock).',
    ),
});
export const ExpiringLicensesQuery = QueuePage.extend({
  withinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(366)
    .default(30)
    .describe('Licenses valid until this many calendar days after asOf or earlier: 30 by default, at most 366.'),
});
export const NearlyExhaustedQuery = QueuePage.extend({
  thresholdPercent: z.coerce
    .number()
    .min(0)
    .max(100)
    .default(10)
    .describe('Licenses with a line at or under this share (%) of its licensed quantity left: 10 by default.'),
});

interface QueueSpec<Kind extends 'application' | 'license'> {
  readonly kind: Kind;
  /** The row of the permissions table that governs the queue, and gives its reader's scope. */
  readonly operation: Operation;
  readonly query: z.ZodType<z.infer<typeof QueuePage> & QueueWindow>;
  readonly summary: string;
}
interface QueueWindow {
  readonly withinWorkingDays?: number;
  readonly withinDays?: number;
  readonly thresholdPercent?: number;
}

const application = (operation: Operation, summary: string, query = QueuePage): QueueSpec<'application'> => ({
  kind: 'application',
  operation,
  query,
  summary,
});
const license = (
  operation: Operation,
  summary: string,
  query: QueueSpec<'license'>['query'],
): QueueSpec<'license'> => ({
  kind: 'license',
  operation,
  query,
  summary,
});

/** The queues by their path name: what each lists, and which operation of the table governs it. */
export const WORK_QUEUES: { readonly [Q in ApplicationQueue]: QueueSpec<'application'> } & {
  readonly [Q in LicenseQueue]: QueueSpec<'license'>;
} = {
  'awaiting-acceptance': application(
    'ListAwaitingAcceptance',
    'Submitted applications waiting to be accepted, the longest waiting first',
  ),
  unassigned: application('ListUnassigned', 'Accepted applications with no reviewer yet, the earliest deadline first'),
  'assigned-to-me': application(
    'ListAssignedToMe',
    "Applications under review: a reviewer's own (an auditor: every reviewer's), the earliest deadline first",
  ),
  'awaiting-decision': application(
    'ListAwaitingDecision',
    'Reviewed applications waiting for a second officer to decide, the earliest deadline first',
  ),
  'deadlines-due': application(
    'ListDeadlinesDue',
    'Open applications whose review deadline falls within N working days or has passed, oldest first',
    DeadlinesDueQuery,
  ),
  'expiring-licenses': license(
    'ListExpiringLicenses',
    'Active licenses expiring within N days, the soonest first',
    ExpiringLicensesQuery,
  ),
  'nearly-exhausted': license(
    'ListNearlyExhausted',
    'Active licenses with a line nearly used up, the soonest expiring first',
    NearlyExhaustedQuery,
  ),
};
export type WorkQueueName = keyof typeof WORK_QUEUES;

export function workQueue(name: string): WorkQueueName | undefined {
  return Object.hasOwn(WORK_QUEUES, name) ? (name as WorkQueueName) : undefined;
}
