import { IdInput } from '@licensing/domain';
import type { SubscriptionFilter } from '@licensing/event-store';
import { InvalidRequest } from '@licensing/workflow';
import { z } from 'zod';
import { Position } from '../audit/event-log.controller';
import type { TailStart } from './live-tails';

/** The most values one filter parameter takes: a filter, not a list of every stream. */
const MAX_FILTER_VALUES = 50;

/** One occurrence of a list parameter as sent: values separated by commas (ids never hold one). */
const listText = (characters: string, what: string) =>
  z
    .string()
    .min(1)
    .max(2000)
    .regex(new RegExp(`^[${characters}]+(,[${characters}]+)*$`), what);

/** Repeated (`type=A&type=B`) or comma-separated (`type=A,B`), each value then held to `item`. */
const listOf = (text: z.ZodString, item: z.ZodType<string, string>) =>
  z
    .union([text, z.array(text).max(MAX_FILTER_VALUES)])
    .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((part) => part.split(',')))
    .pipe(z.array(item).max(MAX_FILTER_VALUES));

const IdList = listText('A-Za-z0-9._:@-', 'ids (letters, digits and . _ : @ -), separated by commas');

/** What streams are named by: `license-L-1` is of the category `license`, `control-measure-…` of `control`. */
const Category = z.string().max(64);
const CategoryList = listText(
  'A-Za-z0-9._:@',
  'stream categories, separated by commas: the part of a stream id before its first `-`, e.g. `license`',
);

export const LiveTailQuery = z.strictObject({
  from: Position.optional().describe(
    "Start at this `$all` position, inclusive, as /audit/events' `fromPosition` (`0`: the whole log); default: from now, new events only. A `Last-Event-ID` header wins over it.",
  ),
  streamPrefix: listOf(IdList, IdInput)
    .optional()
    .describe('Only streams whose id starts with one of these (repeated or comma-separated), e.g. `license-L-1`.'),
  category: listOf(CategoryList, Category)
    .optional()
    .describe(
      'Only streams of these categories (the part of the stream id before its first `-`: `license`, `application`, `exporter`, `control`), repeated or comma-separated. With streamPrefix: a stream matching either.',
    ),
  type: listOf(IdList, IdInput)
    .optional()
    .describe('Only events of these types (repeated or comma-separated), e.g. `LicenseSuspended,LicenseRevoked`.'),
});
export type LiveTailQuery = z.output<typeof LiveTailQuery>;

/** The stream prefixes (streamPrefix and category together: any of them) and event types; undefined when none. */
export function tailFilter(query: LiveTailQuery): SubscriptionFilter | undefined {
  const prefixes = [...(query.streamPrefix ?? []), ...(query.category ?? []).map((category) => `${category}-`)];
  const filter: SubscriptionFilter = {
    ...(prefixes.length > 0 ? { streamPrefixes: prefixes } : {}),
    ...(query.type ? { eventTypes: query.type } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : undefined;
}

/**
 * Where the tail starts. `Last-Event-ID`, the id of the last event the
 * client received (an EventSource sends it when it reconnects), is
 * exclusive and wins; `from` is inclusive, like /audit/events' cursor; with
 * neither, the tail starts at the head and shows new events only.
 */
export function tailStart(from: string | undefined, lastEventId: string | undefined): TailStart {
  const resumed = lastEventId?.trim();
  if (resumed !== undefined && resumed !== '') {
    if (!Position.safeParse(resumed).success)
      throw new InvalidRequest(
        'request.invalid_last_event_id',
        `Last-Event-ID must be the id of an event the live tail sent (a decimal $all position), not ${JSON.stringify(resumed.slice(0, 40))}.`,
      );
    return { after: BigInt(resumed) };
  }
  if (from === undefined) return 'head';
  const first = BigInt(from);
  return { after: first === 0n ? 'start' : first - 1n };
}
