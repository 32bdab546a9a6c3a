export { RebuildAlreadyRunningError, UnknownReadModelError } from './rebuild-errors';
export { REBUILDS_KEPT } from './rebuild-history';
export type { ReadModelRebuild, RebuildProgress, RebuildState } from './rebuild-progress';
export { Rebuilds } from './rebuilds';
export { shadowName } from './shadow-rebuild';
