import type { RecordedEvent } from '@licensing/event-store';
import {
  ApplicationEvent,
  evolveApplication,
  evolveLicense,
  initialApplicationState,
  initialLicenseState,
  LicenseEvent,
} from '@licensing/domain';
import type { Projection } from '../../projection';
import { licenseStateIndex } from './license-state-index';
import { historyEntry, idInStream, parseDomainEvent } from '../parse-event';
import { documentsAfter, hashesNamedBy, shipmentsAfter, withReference } from './license-state-entries';
import {
  type ApplicationDocument,
  applicationKey,
  documentKey,
  type DocumentReferenceDocument,
  LICENSE_STATE,
  type LicenseDocument,
  licenseKey,
  type LicenseStateDocument,
} from './license-state-documents';

const parseApplicationEvent = (event: RecordedEvent) => parseDomainEvent(LICENSE_STATE, ApplicationEvent, event);
const parseLicenseEvent = (event: RecordedEvent) => parseDomainEvent(LICENSE_STATE, LicenseEvent, event);

/** The runner applies each event once; this guard keeps a replayed event from counting twice anyway. */
const alreadyApplied = (doc: { revision: number } | null, event: RecordedEvent) =>
  doc !== null && BigInt(doc.revision) >= event.revision;

function evolveApplicationDocument(doc: ApplicationDocument | null, event: RecordedEvent): ApplicationDocument {
  if (alreadyApplied(doc, event)) return doc as ApplicationDocument;
  const parsed = parseApplicationEvent(event);
  const state = evolveApplication(doc?.state ?? initialApplicationState, parsed);
  if (state.status === 'none')
    throw new Error(`${LICENSE_STATE}: ${event.type} left application ${event.streamId} undrafted`);
  const data = parsed.data;
  return {
    kind: 'application',
    id: data.applicationId,
    state,
    submittedOn: parsed.type === 'ApplicationSubmitted' ? parsed.data.submittedOn : (doc?.submittedOn ?? null),
    reviewDeadline: parsed.type === 'ApplicationAccepted' ? parsed.data.reviewDeadline : (doc?.reviewDeadline ?? null),
    reviewerId: parsed.type === 'ReviewerAssigned' ? parsed.data.reviewerId : (doc?.reviewerId ?? null),
    licenseId: doc?.licenseId ?? null,
    documents: documentsAfter(doc?.documents ?? [], parsed),
    history: [...(doc?.history ?? []), historyEntry(event)],
    revision: Number(event.revision),
  };
}

function referenced(
  doc: DocumentReferenceDocument | null,
  key: string,
  event: RecordedEvent,
): DocumentReferenceDocument {
  return withReference(doc, key.slice('document:'.length), idInStream(event.streamId, 'application-'));
}

/** LicenseIssued names its application: link the application to its license. */
function linkLicense(doc: ApplicationDocument | null, event: RecordedEvent): ApplicationDocument | null {
  const parsed = parseLicenseEvent(event);
  if (doc === null || parsed.type !== 'LicenseIssued' || doc.licenseId === parsed.data.licenseId) return doc;
  return { ...doc, licenseId: parsed.data.licenseId, history: [...doc.history, historyEntry(event)] };
}

function evolveLicenseDocument(doc: LicenseDocument | null, event: RecordedEvent): LicenseDocument {
  if (alreadyApplied(doc, event)) return doc as LicenseDocument;
  const parsed = parseLicenseEvent(event);
  const state = evolveLicense(doc?.state ?? initialLicenseState, parsed);
  if (state.status === 'none')
    throw new Error(`${LICENSE_STATE}: ${event.type} left license ${event.streamId} unissued`);
  const issuedOn = parsed.type === 'LicenseIssued' ? parsed.data.issuedOn : doc?.issuedOn;
  if (issuedOn === undefined)
    throw new Error(`${LICENSE_STATE}: ${event.type} arrived before LicenseIssued in ${event.streamId}`);
  return {
    kind: 'license',
    id: parsed.data.licenseId,
    state,
    issuedOn,
    shipments: shipmentsAfter(doc?.shipments ?? [], parsed),
    history: [...(doc?.history ?? []), historyEntry(event)],
    revision: Number(event.revision),
  };
}

/**
 * Every application and license as it stands now, and which applications
 * name each document's bytes. Keys come from the stream id, except that
 * LicenseIssued also touches its application's document, and an
 * application event naming documents by hash touches each `document:<sha256>`.
 */
export const licenseStateProjection: Projection<LicenseStateDocument> = {
  name: LICENSE_STATE,
  // 2: shipment corrections and cancellations, amendment requests, documents with their hashes.
  // 3: the lists' SQL index (licenseStateIndex), filled by the rebuild.
  // 4: terms per kind carrying the sort keys, and status-ordered indexes (v2 tables).
  // 5: a row per shipment and per decision (…_shipments_v1, …_decisions_v1), for GET /shipments and /decisions.
  // 6: the terms of each shipment (…_shipment_terms_v1): its lines' control codes and elements, the destinations.
  version: 6,
  index: licenseStateIndex,
  filter: { streamPrefixes: ['application-', 'license-'] },
  keysOf(event) {
    if (event.streamId.startsWith('application-')) {
      const key = applicationKey(idInStream(event.streamId, 'application-'));
      return [key, ...hashesNamedBy(parseApplicationEvent(event)).map(documentKey)];
    }
    const key = licenseKey(idInStream(event.streamId, 'license-'));
    if (event.type !== 'LicenseIssued') return [key];
    const parsed = parseLicenseEvent(event);
    return parsed.type === 'LicenseIssued' ? [key, applicationKey(parsed.data.applicationId)] : [key];
  },
  evolve(doc, event, key) {
    if (key.startsWith('document:')) {
      const current = doc?.kind === 'document' ? doc : null;
      return referenced(current, key, event);
    }
    if (key.startsWith('application:')) {
      const current = doc?.kind === 'application' ? doc : null;
      return event.streamId.startsWith('application-')
        ? evolveApplicationDocument(current, event)
        : linkLicense(current, event);
    }
    return evolveLicenseDocument(doc?.kind === 'license' ? doc : null, event);
  },
};
