import { addDays, addWorkingDays, type LegalDate, type RowScope } from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import type { PageRequest } from '../../indexes/list-page';
import { ApplicationList } from './application-list';
import { LicenseList } from './license-list';

export const APPLICATION_QUEUES = [
  'awaiting-acceptance',
  'unassigned',
  'assigned-to-me',
  'awaiting-decision',
  'deadlines-due',
] as const;
export const LICENSE_QUEUES = ['expiring-licenses', 'nearly-exhausted'] as const;
export type ApplicationQueue = (typeof APPLICATION_QUEUES)[number];
export type LicenseQueue = (typeof LICENSE_QUEUES)[number];
/** Each queue's order (its cursors' sort): what waits longest, or falls due first, on top. */
export const QUEUE_ORDER = {
  'awaiting-acceptance': 'submittedOn',
  unassigned: 'reviewDeadline',
  'assigned-to-me': 'reviewDeadline',
  'awaiting-decision': 'reviewDeadline',
  'deadlines-due': 'reviewDeadline',
  'expiring-licenses': 'validUntil',
  'nearly-exhausted': 'validUntil',
} as const satisfies Record<ApplicationQueue | LicenseQueue, string>;

export interface QueueOptions {
  readonly asOf: LegalDate;
  /**
   * The reader's data scope (the permissions table's row of the queue): every
   * queue is cut to it. "Assigned to me" is the applications under review in
   * it, so a reviewer's scope, their assignments, makes it their own.
   */
  readonly scope: RowScope;
  /** deadlines-due: working days ahead (the review clock's calendar, weekends skipped); expiring-licenses: calendar days ahead. */
  readonly days: number;
  /** nearly-exhausted: a line with at most this share (%) left. */
  readonly thresholdPercent: number;
  readonly holidays?: ReadonlySet<LegalDate>;
}

/** Oldest first, always: what waits longest (or falls due first) is at the top. */
const page = <S extends string>(sort: S, limit: number, after: PageRequest<string>['after']): PageRequest<S> => ({
  sort,
  descending: false,
  limit,
  after,
});

/**
 * Officers' and reviewers' work queues: the case lists with a fixed filter
 * and order, in the reader's data scope.
 */
export class WorkQueues {
  private readonly applications: ApplicationList;
  private readonly licenses: LicenseList;

  constructor(documents: DocumentStore) {
    this.applications = new ApplicationList(documents);
    this.licenses = new LicenseList(documents);
  }

  applicationQueue(
    queue: ApplicationQueue,
    options: QueueOptions,
    limit: number,
    after: PageRequest<string>['after'] = null,
  ) {
    const { asOf } = options;
    const inScope = { asOf, scope: options.scope };
    switch (queue) {
      case 'awaiting-acceptance':
        return this.applications.page({ ...inScope, status: 'submitted' }, page(QUEUE_ORDER[queue], limit, after));
      case 'unassigned':
        return this.applications.page({ ...inScope, status: 'accepted' }, page(QUEUE_ORDER[queue], limit, after));
      case 'assigned-to-me':
        return this.applications.page({ ...inScope, status: 'under_review' }, page(QUEUE_ORDER[queue], limit, after));
      case 'awaiting-decision':
        return this.applications.page({ ...inScope, status: 'reviewed' }, page(QUEUE_ORDER[queue], limit, after));
      case 'deadlines-due': {
        // Open cases whose deadline falls within the window, and those already past it: the most urgent first.
        const dueBy = addWorkingDays(asOf, options.days, options.holidays);
        return this.applications.page(inScope, page(QUEUE_ORDER[queue], limit, after), (where) =>
          where.add('r.open_deadline IS NOT NULL AND r.open_deadline <= ?', dueBy),
        );
      }
    }
  }

  licenseQueue(queue: LicenseQueue, options: QueueOptions, limit: number, after: PageRequest<string>['after'] = null) {
    const activeInScope = { asOf: options.asOf, scope: options.scope, status: 'active' as const };
    switch (queue) {
      case 'expiring-licenses':
        return this.licenses.page(
          { ...activeInScope, validUntilTo: addDays(options.asOf, options.days) },
          page(QUEUE_ORDER[queue], limit, after),
        );
      case 'nearly-exhausted':
        return this.licenses.page(activeInScope, page(QUEUE_ORDER[queue], limit, after), (where) =>
          where.add('r.least_percent_left <= ?', options.thresholdPercent),
        );
    }
  }
}
