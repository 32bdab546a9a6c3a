import { addDays, addWorkingDays, type LegalDate } from '@licensing/domain';
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
export const LICENSE_QUEUES = ['expiring', 'nearly-exhausted'] as const;
export type ApplicationQueue = (typeof APPLICATION_QUEUES)[number];
export type LicenseQueue = (typeof LICENSE_QUEUES)[number];

export interface QueueOptions {
  readonly asOf: LegalDate;
  /** Whose queue: "assigned to me" is this reviewer's. */
  readonly actorId: string;
  /** deadlines-due: working days ahead (the review clock's calendar); expiring: calendar days ahead. */
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
 * and order. Officers' queues see every case; "assigned to me" is the
 * reviewer's own (the reviewer column, as their data scope).
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
    const all = { asOf, scope: { kind: 'all' } as const };
    switch (queue) {
      case 'awaiting-acceptance':
        return this.applications.page({ ...all, status: 'submitted' }, page('submittedOn', limit, after));
      case 'unassigned':
        return this.applications.page({ ...all, status: 'accepted' }, page('reviewDeadline', limit, after));
      case 'assigned-to-me':
        return this.applications.page(
          { asOf, scope: { kind: 'reviewer', reviewerId: options.actorId }, status: 'under_review' },
          page('reviewDeadline', limit, after),
        );
      case 'awaiting-decision':
        return this.applications.page({ ...all, status: 'reviewed' }, page('reviewDeadline', limit, after));
      case 'deadlines-due': {
        // Open cases whose deadline falls within the window, and those already past it: the most urgent first.
        const dueBy = addWorkingDays(asOf, options.days, options.holidays);
        return this.applications.page(all, page('reviewDeadline', limit, after), (where) =>
          where.add('r.open_deadline IS NOT NULL AND r.open_deadline <= ?', dueBy),
        );
      }
    }
  }

  licenseQueue(queue: LicenseQueue, options: QueueOptions, limit: number, after: PageRequest<string>['after'] = null) {
    const all = { asOf: options.asOf, scope: { kind: 'all' } as const, status: 'active' as const };
    switch (queue) {
      case 'expiring':
        return this.licenses.page(
          { ...all, validUntilTo: addDays(options.asOf, options.days) },
          page('validUntil', limit, after),
        );
      case 'nearly-exhausted':
        return this.licenses.page(all, page('validUntil', limit, after), (where) =>
          where.add('r.least_percent_left <= ?', options.thresholdPercent),
        );
    }
  }
}
