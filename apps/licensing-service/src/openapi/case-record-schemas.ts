import { AmendmentChanges, AmendmentRecommendation, DecisionRecord, LegalDate, LineQuantity } from '@licensing/domain';
import { z } from 'zod';

/*
 * The parts of the application and license views that record what happened
 * to a case after the fact: documents with the hash of their bytes, a
 * shipment's corrections and cancellation, an exporter's amendment requests.
 */

export const DocumentEntry = z.object({
  name: z.string(),
  ref: z.string(),
  sha256: z
    .string()
    .nullable()
    .describe(
      'The SHA-256 of the bytes reviewed: GET /documents/{sha256} returns them. Null for a document recorded without them.',
    ),
  mediaType: z.string().nullable(),
  source: z
    .enum(['application', 'supplied'])
    .describe('`application`: named in the draft; `supplied`: supplied on request.'),
  namedOn: LegalDate,
});

const ShipmentChange = z.object({
  change: z.enum(['corrected', 'cancelled']),
  on: LegalDate,
  reason: z.string(),
  previousLines: z.array(LineQuantity),
  lines: z.array(LineQuantity).describe('After the change; empty for a cancellation.'),
});

export const ShipmentEntry = z.object({
  shipmentId: z.string(),
  shippedOn: LegalDate,
  customsDeclarationRef: z.string().describe('Kept through corrections and a cancellation.'),
  lines: z.array(LineQuantity).describe('As last corrected; empty once cancelled.'),
  status: z.enum(['recorded', 'corrected', 'cancelled']),
  recordedLines: z.array(LineQuantity).describe('As first recorded.'),
  changes: z.array(ShipmentChange).describe('Each correction or cancellation, in order.'),
});

export const AmendmentRequestView = z.object({
  amendmentRequestId: z.string(),
  status: z.enum(['requested', 'under_review', 'reviewed', 'approved', 'rejected']),
  requestedBy: z.string(),
  requestedOn: LegalDate,
  reason: z.string(),
  changes: AmendmentChanges.describe('What the exporter asked to change; the license shows it applied once approved.'),
  reviewerId: z.string().nullable(),
  review: z
    .object({
      reviewerId: z.string(),
      recommendation: AmendmentRecommendation,
      notes: z.string(),
      completedOn: LegalDate,
    })
    .nullable(),
  decision: z
    .object({
      outcome: z.enum(['approved', 'rejected']),
      approverId: z.string(),
      decidedOn: LegalDate,
      reasons: z.array(z.string()),
      record: DecisionRecord.nullable().describe('The rule evaluation of the license as amended, on the day decided.'),
    })
    .nullable(),
});

/** POST /documents: what was stored. */
export const StoredDocument = z.object({
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe('The SHA-256 of the bytes: name the document by it.'),
  mediaType: z.string().describe('The Content-Type the bytes were first uploaded with; the store keeps that one.'),
  size: z.int().min(1).describe('Bytes.'),
});
