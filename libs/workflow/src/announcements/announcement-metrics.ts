import type { AnnouncementActKind } from '@licensing/domain';
import type { Metrics } from '@licensing/platform';

export type ActOutcomeLabel = 'applied' | 'refused';

/** What the process manager reports as each act settles; `at` is the service clock's. */
export type AnnouncementActRecorder = (kind: AnnouncementActKind, outcome: ActOutcomeLabel, at: string) => void;

/**
 * The process manager's counters: acts settled by kind and outcome, and
 * when an act was last applied (an alert can tell a stuck process manager
 * from a quiet policy calendar by the pending gauge the service adds).
 */
export function announcementActRecorder(metrics: Metrics): AnnouncementActRecorder {
  const acts = metrics.counter<'kind' | 'outcome'>({
    name: 'licensing_announcement_acts_total',
    help: "Announcement acts the process manager settled on their measures, by act kind (suspend, extend, lift, repeal, amend) and outcome (applied, or refused by the measure's rules).",
    labelNames: ['kind', 'outcome'],
  });
  const lastApplied = metrics.gauge({
    name: 'licensing_announcement_act_last_applied_timestamp_seconds',
    help: 'When this process last applied an announcement act to its measure (Unix seconds, service clock); 0: none since it started.',
  });
  return (kind, outcome, at) => {
    acts.inc({ kind, outcome });
    if (outcome === 'applied') lastApplied.set(Date.parse(at) / 1000);
  };
}
