import { AnnouncementAct, type AnnouncementActKind } from '@licensing/domain';
import type { Metrics } from '@licensing/platform';
import type { AnnouncementsQuery } from '@licensing/projections';

/** Every kind, so each has its series from the first scrape (0 until an act of it waits). */
const ACT_KINDS: readonly AnnouncementActKind[] = AnnouncementAct.options.map((option) => option.shape.kind.value);

/**
 * Acts recorded and not yet applied or refused, by kind, read from the
 * announcements read model at each scrape: it counts what waits across
 * restarts and while ANNOUNCEMENT_ACTS=hold, which the process manager's own
 * counters cannot see.
 */
export function registerPendingActsGauge(metrics: Metrics, announcements: AnnouncementsQuery): void {
  metrics.gauge<'kind'>({
    name: 'licensing_announcement_acts_pending',
    help: 'Announcement acts recorded and not yet applied to their measures or refused, by act kind (the announcements read model).',
    labelNames: ['kind'],
    collect: (gauge) => {
      const pending = new Map<AnnouncementActKind, number>(ACT_KINDS.map((kind) => [kind, 0]));
      for (const view of announcements.list({ status: 'pending' }))
        for (const { act, state } of view.acts)
          if (state === 'pending') pending.set(act.kind, (pending.get(act.kind) ?? 0) + 1);
      for (const [kind, count] of pending) gauge.set({ kind }, count);
    },
  });
}
