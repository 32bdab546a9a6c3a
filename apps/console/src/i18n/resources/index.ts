import { common } from './common';
import { officer } from './officer';
import { exporter } from './exporter';
import { policy } from './policy';
import { audit } from './audit';
import { ops } from './ops';
import { decision } from './decision';

/**
 * One namespace per page group, each a `{ en, zh }` pair in its own file, so
 * pages add words without touching each other's. Register a new one here.
 */
export const namespaces = { common, officer, exporter, policy, audit, ops, decision } as const;

export type Language = 'en' | 'zh';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
