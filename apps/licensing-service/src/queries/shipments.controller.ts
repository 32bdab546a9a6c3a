import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { CountryCode, IdInput, type RowScope } from '@licensing/domain';
import { DocumentStore, ShipmentList, type ShipmentSort } from '@licensing/projections';
import { ActorGuard, Authorize, ReadRowScope, ZodBody } from '@licensing/workflow';
import { z } from 'zod';
import { dateFilter, pageRequest, Paging, sortParameter } from './list-query';
import { ReadConsistency, ReadQuery } from './read-query';

export const SHIPMENT_STATUSES = ['recorded', 'corrected', 'cancelled'] as const;
/** A shipment is as recorded on every date: no asOf, only minPosition. */
export const ShipmentListQuery = ReadQuery.omit({ asOf: true }).extend({
  exporterId: IdInput.optional().describe("Only this exporter's."),
  licenseId: IdInput.optional().describe("Only this license's."),
  status: z
    .enum(SHIPMENT_STATUSES)
    .optional()
    .describe('Only shipments in this state (corrected or cancelled ones too).'),
  shippedFrom: dateFilter('Shipped on or after this date.'),
  shippedTo: dateFilter('Shipped on or before this date.'),
  customsRef: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Only shipments whose customs declaration reference contains this text (any case).'),
  controlCode: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe('Only shipments drawing on a license line of this control code.'),
  element: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .describe('Only shipments drawing on a license line of this element (any case).'),
  destination: CountryCode.optional().describe('Only shipments on licenses with an end user in this country.'),
  sort: sortParameter(['id', 'shippedOn']),
  ...Paging,
});

/**
 * Shipments across licenses, from the license-state read model's index;
 * scoped like the licenses they were recorded on.
 */
@Controller('shipments')
@UseGuards(ActorGuard)
export class ShipmentsController {
  private readonly list: ShipmentList;

  constructor(
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.list = new ShipmentList(documents);
  }

  @Get()
  @Authorize('ListShipments')
  async shipments(
    @Query(new ZodBody(ShipmentListQuery)) query: z.infer<typeof ShipmentListQuery>,
    @ReadRowScope() scope: RowScope,
  ) {
    await this.consistency.asOf(query);
    const { exporterId, licenseId, status, shippedFrom, shippedTo, customsRef, controlCode, element, destination } =
      query;
    const page = this.list.page(
      { scope, exporterId, licenseId, status, shippedFrom, shippedTo, customsRef, controlCode, element, destination },
      pageRequest<ShipmentSort>(query),
    );
    return { shipments: page.items, nextCursor: page.nextCursor };
  }
}
