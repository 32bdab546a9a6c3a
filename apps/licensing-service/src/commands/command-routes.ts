import { applicationRoutes } from './application-routes';
import type { CommandRoute, Resource } from './command-route';
import { exporterRoutes } from './exporter-routes';
import { licenseRoutes } from './license-routes';
import { measureRoutes } from './measure-routes';

/** Every command endpoint of the service, by resource. */
export const commandRoutes: Record<Resource, readonly CommandRoute[]> = {
  exporters: exporterRoutes,
  applications: applicationRoutes,
  licenses: licenseRoutes,
  'control-measures': measureRoutes,
};
