/**
 * Where a read model's documents and index rows are kept: under its own name
 * (live), or under its shadow's while it is rebuilt beside the live one.
 */
const SHADOW_SUFFIX = '~rebuild';

/** Where a read model is rebuilt: documents and a checkpoint of its own, beside the live ones. */
export const shadowName = (readModel: string): string => `${readModel}${SHADOW_SUFFIX}`;

/** The read model a shadow storage rebuilds; null for a live storage. */
export function liveNameOfShadow(storage: string): string | null {
  return storage.endsWith(SHADOW_SUFFIX) ? storage.slice(0, -SHADOW_SUFFIX.length) : null;
}
