import { z } from 'zod';
import { CODE_MAX_LENGTH, CodeInput, IdInput, NameInput, TextInput } from './input-fields';
import { EndUse, Item, Party, Quantity } from './items';

/*
 * The command twins of the shared item schemas (see input-fields.ts for why
 * events keep the permissive ones): the same fields, with limits. `extend`
 * keeps every field the stored schema has, so a field added there reaches
 * commands too; the OpenAPI spec then fails until it has a limit.
 */

export const QuantityInput = Quantity.extend({ unit: CodeInput });

export const ItemInput = Item.extend({
  lineId: IdInput,
  element: NameInput.optional(),
  description: TextInput,
  // The stored schema allows an empty HS code; only its length is bounded here.
  hsCode: z.string().max(CODE_MAX_LENGTH).optional(),
  quantity: QuantityInput,
});

export const PartyInput = Party.extend({ name: NameInput });

export const EndUseInput = EndUse.extend({ description: TextInput });
