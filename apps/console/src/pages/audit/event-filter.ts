import { IdInput } from '@licensing/domain';
import { z } from 'zod';

/** Stream categories of the log, by the prefix their stream ids start with. */
export const CATEGORY_PREFIXES = {
  application: 'application-',
  license: 'license-',
  exporter: 'exporter-',
  control: 'control-measure-',
  announcement: 'announcement-',
  ops: 'ops-',
} as const;
export type Category = keyof typeof CATEGORY_PREFIXES;
export const CATEGORIES = Object.keys(CATEGORY_PREFIXES) as Category[];

export const PAGE_SIZES = ['25', '50', '100'] as const;

/** The messages the form translates (`events.errors.*`); any other (the domain's id rules) reads as `invalid`. */
export const FILTER_MESSAGES: readonly string[] = ['position', 'required', 'before_from'];

const Position = z.string().regex(/^(\d{1,19})?$/, 'position');

/**
 * What the event browser shows, as its form holds it and its address keeps it:
 * `$all` filtered (category, type, a position range) or one stream. Ids are
 * held to the domain's IdInput, as the API holds them.
 */
export const EventFilter = z
  .object({
    source: z.enum(['all', 'stream']),
    streamId: z.union([z.literal(''), IdInput]),
    direction: z.enum(['forwards', 'backwards']),
    category: z.union([z.literal(''), z.enum(CATEGORIES)]),
    eventType: z.union([z.literal(''), IdInput]),
    fromPosition: Position,
    toPosition: Position,
    limit: z.enum(PAGE_SIZES),
  })
  .superRefine((filter, context) => {
    if (filter.source === 'stream' && filter.streamId === '')
      context.addIssue({ code: 'custom', path: ['streamId'], message: 'required' });
    if (filter.fromPosition !== '' && filter.toPosition !== '')
      if (BigInt(filter.toPosition) < BigInt(filter.fromPosition))
        context.addIssue({ code: 'custom', path: ['toPosition'], message: 'before_from' });
  });
export type EventFilter = z.infer<typeof EventFilter>;

export const DEFAULT_FILTER: EventFilter = {
  source: 'all',
  streamId: '',
  direction: 'forwards',
  category: '',
  eventType: '',
  fromPosition: '',
  toPosition: '',
  limit: '25',
};

/** The filter an address holds; anything unreadable there falls back to the default. */
export function filterFromSearch(search: URLSearchParams): EventFilter {
  const raw = Object.fromEntries(Object.keys(DEFAULT_FILTER).map((key) => [key, search.get(key) ?? undefined]));
  const merged = { ...DEFAULT_FILTER, ...Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) };
  const parsed = EventFilter.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_FILTER;
}

/** Only what differs from the default goes into the address. */
export function searchFromFilter(filter: EventFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filter).filter(([key, value]) => value !== DEFAULT_FILTER[key as keyof EventFilter]),
  );
}
