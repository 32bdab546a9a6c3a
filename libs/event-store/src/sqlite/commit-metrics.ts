import type { Metrics } from '@licensing/platform';
import type { CommitReport } from './sqlite-options';

const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

/**
 * The SQLite store's `onCommit` hook recording its group commits:
 * appends and events per commit (the batch size), commit latency.
 */
export function commitMetrics(metrics: Metrics): (report: CommitReport) => void {
  const commits = metrics.counter({
    name: 'licensing_event_store_commits_total',
    help: 'Group commits of the SQLite event store (one transaction and one fsync each).',
  });
  const appends = metrics.counter<'outcome'>({
    name: 'licensing_event_store_appends_total',
    help: 'Appends to the SQLite event store, by outcome (ok: stored; refused: wrong expected revision, or the commit failed).',
    labelNames: ['outcome'],
  });
  const events = metrics.counter({
    name: 'licensing_event_store_events_appended_total',
    help: 'Events stored in the SQLite event store.',
  });
  const appendsPerCommit = metrics.histogram({
    name: 'licensing_event_store_commit_appends',
    help: 'Appends per group commit (the group-commit batch size).',
    buckets: BATCH_BUCKETS,
  });
  const eventsPerCommit = metrics.histogram({
    name: 'licensing_event_store_commit_events',
    help: 'Events stored per group commit.',
    buckets: BATCH_BUCKETS,
  });
  const latency = metrics.histogram({
    name: 'licensing_event_store_commit_duration_seconds',
    help: 'Time of one group commit of the SQLite event store: the transaction and its fsync.',
  });
  appends.inc({ outcome: 'ok' }, 0);
  appends.inc({ outcome: 'refused' }, 0);
  return (report) => {
    commits.inc();
    appends.inc({ outcome: 'ok' }, report.committedAppends);
    appends.inc({ outcome: 'refused' }, report.appends - report.committedAppends);
    events.inc(report.committedEvents);
    appendsPerCommit.observe(report.appends);
    eventsPerCommit.observe(report.committedEvents);
    latency.observe(report.seconds);
  };
}
