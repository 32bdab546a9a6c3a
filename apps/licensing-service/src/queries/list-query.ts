import { CountryCode, LegalDate, LicenseType } from '@licensing/domain';
import { decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from '@licensing/projections';
import { InvalidRequest } from '@licensing/workflow';
import { z } from 'zod';

/** `limit` and `cursor`, the same on every list. */
export const Paging = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Rows per page, ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`),
  cursor: z.string().max(400).optional().describe("The previous page's `nextCursor`, with the same filters and sort."),
};

/** The filters both case lists take. */
export const CaseFilters = {
  licenseType: LicenseType.optional().describe('Only this license type.'),
  controlCode: z.string().min(1).max(40).optional().describe('Only cases with an item of this control code.'),
  element: z.string().min(1).max(40).optional().describe('Only cases with an item of this element (any case).'),
  destination: CountryCode.optional().describe('Only cases for this country (a license: any end user).'),
  reviewerId: z.string().min(1).max(200).optional().describe('Only cases this reviewer is assigned to.'),
  officerId: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only cases this officer accepted or decided (a license: issued).'),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Free text on names and references: every word (at most 5) must begin a word of one of them.'),
};

export const dateFilter = (what: string) => LegalDate.optional().describe(what);

/** `sort=submittedOn` ascending, `sort=-submittedOn` descending. */
export function sortParameter<const Keys extends readonly [string, ...string[]]>(keys: Keys) {
  const values = keys.flatMap((key) => [key, `-${key}`]) as [string, ...string[]];
  return z
    .enum(values)
    .default('id')
    .describe(`Sort key, \`-\` first for descending: ${keys.join(', ')}; ties by id.`);
}

export function pageRequest<Sort extends string>(query: {
  sort: string;
  limit: number;
  cursor?: string;
}): PageRequest<Sort> {
  const descending = query.sort.startsWith('-');
  const sort = (descending ? query.sort.slice(1) : query.sort) as Sort;
  if (query.cursor === undefined) return { sort, descending, limit: query.limit, after: null };
  const after = decodeCursor(query.cursor);
  if (after === null || after.sort !== sort)
    throw new InvalidRequest('request.invalid_cursor', 'The cursor is not a nextCursor of this list with this sort.');
  return { sort, descending, limit: query.limit, after };
}
