import type { Gauge, Metrics } from '@licensing/platform';
import type { ReadModelRebuild, RebuildProgress } from './rebuild-progress';

/** What the metrics read from the rebuilds at a scrape. */
export interface RebuildsSource {
  running(): RebuildProgress[];
}

/**
 * Rebuild progress per read model, read at every scrape (series only while
 * that read model is being rebuilt), and a count of rebuilds by outcome.
 * Labels are read-model names and outcomes, never a rebuild's id. Answers
 * the recorder of a finished rebuild.
 */
export function rebuildMetrics(metrics: Metrics, rebuilds: RebuildsSource): (finished: RebuildProgress) => void {
  const perReadModel = (pick: (model: ReadModelRebuild) => number) => (gauge: Gauge<'read_model'>) => {
    // Finished rebuilds leave no series behind.
    gauge.reset();
    for (const rebuild of rebuilds.running())
      for (const model of rebuild.readModels) gauge.set({ read_model: model.name }, pick(model));
  };
  metrics.gauge<'read_model'>({
    name: 'licensing_projection_rebuild_done_events',
    help: 'Events of $all the running rebuild of each read model has read into its shadow.',
    labelNames: ['read_model'],
    collect: perReadModel((model) => model.doneEvents),
  });
  metrics.gauge<'read_model'>({
    name: 'licensing_projection_rebuild_total_events',
    help: 'Events of $all the running rebuild of each read model has to read (grows with appends while it runs).',
    labelNames: ['read_model'],
    collect: perReadModel((model) => model.totalEvents),
  });
  const outcomes = metrics.counter<'outcome'>({
    name: 'licensing_projection_rebuilds_total',
    help: 'Read-model rebuilds finished, by outcome: completed (every read model swapped) or failed.',
    labelNames: ['outcome'],
  });
  return (finished) => outcomes.inc({ outcome: finished.state });
}
