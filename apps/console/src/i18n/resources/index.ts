import { common } from './common';
import { officer } from './officer';

/**
 * One namespace per page group, each a `{ en, zh }` pair in its own file, so
 * pages add words without touching each other's. Register a new one here.
 */
export const namespaces = { common, officer } as const;

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
