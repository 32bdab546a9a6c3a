import type { Projection } from '../projection';
import { announcementsProjection } from './announcements/announcements-projection';
import { decisionsByMeasureProjection } from './decisions-by-measure/decisions-by-measure-projection';
import { exporterViewProjection } from './exporter-view/exporter-view-projection';
import { licenseStateProjection } from './license-state/license-state-projection';
import { ruleHistoryProjection } from './rule-history/rule-history-projection';

export * from './parse-event';
export * from './application-status';
export * from './license-state/license-state-documents';
export * from './license-state/license-state-projection';
export * from './license-state/license-state-views';
export * from './license-state/license-state-query';
export * from './license-state/license-state-index';
export * from './license-state/application-list';
export * from './license-state/license-list';
export * from './license-state/shipment-list';
export * from './license-state/decision-list';
export * from './license-state/case-list-sql';
export * from './license-state/work-queues';
export * from './rule-history/rule-history-projection';
export * from './rule-history/rule-history-query';
export * from './exporter-view/exporter-view-projection';
export * from './exporter-view/exporter-view-query';
export * from './exporter-view/exporter-list';
export * from './decisions-by-measure/decisions-by-measure-projection';
export * from './decisions-by-measure/decisions-by-measure-query';
export * from './announcements/announcements-projection';
export * from './announcements/announcements-query';

/** Every read model of the licensing service, for one ProjectionRunner. */
export function readModelProjections(): Projection[] {
  return [
    licenseStateProjection,
    ruleHistoryProjection,
    exporterViewProjection,
    decisionsByMeasureProjection,
    announcementsProjection,
  ];
}
