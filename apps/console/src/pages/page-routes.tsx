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
];
