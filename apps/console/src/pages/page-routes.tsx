import type { RouteObject } from 'react-router';

/**
 * The pages of each user, loaded lazily so the first load stays small. Each
 * page group adds its routes here; the navigation (layout/navigation.ts)
 * lists the ones a role may open.
 */
export const pageRoutes: RouteObject[] = [
  {
    path: 'work-queues',
    lazy: async () => ({ Component: (await import('./officer/work-queues-page')).WorkQueuesPage }),
  },
  {
    path: 'applications',
    lazy: async () => ({ Component: (await import('./officer/applications-page')).ApplicationsPage }),
  },
  {
    path: 'applications/:id',
    lazy: async () => ({ Component: (await import('./officer/application-page')).ApplicationPage }),
  },
  { path: 'licenses', lazy: async () => ({ Component: (await import('./officer/licenses-page')).LicensesPage }) },
  { path: 'licenses/:id', lazy: async () => ({ Component: (await import('./officer/license-page')).LicensePage }) },
  {
    path: 'applications/new',
    lazy: async () => ({ Component: (await import('./exporter/new-application-page')).NewApplicationPage }),
  },
  {
    path: 'rule-timeline',
    lazy: async () => ({ Component: (await import('./policy/rule-timeline-page')).RuleTimelinePage }),
  },
  {
    path: 'announcements/:announcementId',
    lazy: async () => ({ Component: (await import('./policy/announcement-page')).AnnouncementPage }),
  },
  { path: 'events', lazy: async () => ({ Component: (await import('./audit/event-browser-page')).EventBrowserPage }) },
  {
    path: 'verification',
    lazy: async () => ({ Component: (await import('./audit/verification-page')).VerificationPage }),
  },
  { path: 'decisions', lazy: async () => ({ Component: (await import('./audit/decisions-page')).DecisionsPage }) },
  {
    path: 'decisions/:applicationId',
    lazy: async () => ({ Component: (await import('./audit/decision-page')).DecisionPage }),
  },
  {
    path: 'decisions/licenses/:licenseId/amendments/:amendmentRequestId',
    lazy: async () => ({ Component: (await import('./audit/decision-page')).DecisionPage }),
  },
  { path: 'live-tail', lazy: async () => ({ Component: (await import('./ops/live-tail-page')).LiveTailPage }) },
  { path: 'consumers', lazy: async () => ({ Component: (await import('./ops/consumers-page')).ConsumersPage }) },
  { path: 'rebuilds', lazy: async () => ({ Component: (await import('./ops/rebuilds-page')).RebuildsPage }) },
  {
    path: 'parked-events',
    lazy: async () => ({ Component: (await import('./ops/parked-events-page')).ParkedEventsPage }),
  },
];
