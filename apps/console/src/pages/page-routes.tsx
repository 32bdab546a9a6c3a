import type { RouteObject } from 'react-router';

/**
 * The pages of each user, loaded lazily so the first load stays small. Each
 * page group adds its routes here; the navigation (layout/navigation.ts)
 * lists the ones a role may open.
 */
export const pageRoutes: RouteObject[] = [];
