import type { ApplicationEvent, LegalDate, LicenseEvent, SuppliedDocument } from '@licensing/domain';
import type { DocumentEntry, DocumentReferenceDocument, ShipmentEntry } from './license-state-documents';

/*
 * The parts of the license-state documents the domain's fold drops: each
 * shipment's history (the fold keeps only its lines as last corrected) and
 * the documents an application names (the fold keeps none).
 */

function entry(document: SuppliedDocument, source: DocumentEntry['source'], namedOn: LegalDate): DocumentEntry {
  return {
    name: document.name,
    ref: document.ref,
    sha256: document.sha256 ?? null,
    mediaType: document.mediaType ?? null,
    source,
    namedOn,
  };
}

/** A draft's documents replace the draft's earlier ones; supplied documents add up. */
export function documentsAfter(documents: readonly DocumentEntry[], event: ApplicationEvent): DocumentEntry[] {
  switch (event.type) {
    case 'ApplicationDrafted':
    case 'ApplicationDraftRevised': {
      const on = event.type === 'ApplicationDrafted' ? event.data.draftedOn : event.data.revisedOn;
      const own = (event.data.application.documents ?? []).map((d) => entry(d, 'application', on));
      return [...own, ...documents.filter((d) => d.source === 'supplied')];
    }
    case 'DocumentsSupplied':
      return [...documents, ...event.data.documents.map((d) => entry(d, 'supplied', event.data.suppliedOn))];
    default:
      return [...documents];
  }
}

/** The hashes an application event names, each once. */
export function hashesNamedBy(event: ApplicationEvent): string[] {
  const named =
    event.type === 'ApplicationDrafted' || event.type === 'ApplicationDraftRevised'
      ? (event.data.application.documents ?? [])
      : event.type === 'DocumentsSupplied'
        ? event.data.documents
        : [];
  return [...new Set(named.flatMap((d) => (d.sha256 === undefined ? [] : [d.sha256])))];
}

/** Once an application named the bytes, it keeps naming them: its history shows them, even after a revision. */
export function withReference(
  doc: DocumentReferenceDocument | null,
  sha256: string,
  applicationId: string,
): DocumentReferenceDocument {
  const applicationIds = doc?.applicationIds ?? [];
  return {
    kind: 'document',
    sha256,
    applicationIds: applicationIds.includes(applicationId) ? applicationIds : [...applicationIds, applicationId],
  };
}

export function shipmentsAfter(shipments: readonly ShipmentEntry[], event: LicenseEvent): ShipmentEntry[] {
  switch (event.type) {
    case 'ShipmentRecorded': {
      const { shipmentId, shippedOn, customsDeclarationRef, lines } = event.data;
      return [
        ...shipments,
        { shipmentId, shippedOn, customsDeclarationRef, lines, status: 'recorded', recordedLines: lines, changes: [] },
      ];
    }
    case 'ShipmentCorrected': {
      const { shipmentId, lines, previousLines, reason, correctedOn } = event.data;
      return shipments.map((s) =>
        s.shipmentId === shipmentId
          ? {
              ...s,
              lines,
              status: 'corrected',
              changes: [...s.changes, { change: 'corrected', on: correctedOn, reason, previousLines, lines }],
            }
          : s,
      );
    }
    case 'ShipmentCancelled': {
      const { shipmentId, restored, reason, cancelledOn } = event.data;
      return shipments.map((s) =>
        s.shipmentId === shipmentId
          ? {
              ...s,
              lines: [],
              status: 'cancelled',
              changes: [
                ...s.changes,
                { change: 'cancelled', on: cancelledOn, reason, previousLines: restored, lines: [] },
              ],
            }
          : s,
      );
    }
    default:
      return [...shipments];
  }
}
