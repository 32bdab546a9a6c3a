import { z } from 'zod';

/** Keyset pagination: pass it back as `cursor` (same filters, same sort); null on the last page. */
export const NextCursor = z
  .string()
  .nullable()
  .describe('The next page: pass it as `cursor` with the same filters and sort; null on the last page.');
