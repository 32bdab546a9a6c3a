import type { RecordedEvent } from '@licensing/event-store';
import {
  ApplicationEvent,
  assertNever,
  evolveApplication,
  evolveExporter,
  evolveLicense,
  ExporterEvent,
  initialApplicationState,
  initialExporterState,
  initialLicenseState,
  type IssuedLicenseState,
  type LegalDate,
  LicenseEvent,
  type RegisteredExporterState,
} from '@licensing/domain';
import type { Projection } from '../../projection';
import { exporterViewIndex } from './exporter-view-index';
import type { KnownApplicationState } from '../application-status';
import { historyEntry, type HistoryEntry, idInStream, parseDomainEvent } from '../parse-event';

/** Standing for general licenses; the domain state forgets a disqualification's reason. */
export type GeneralLicenseStanding =
  | { readonly status: 'not_qualified' }
  | { readonly status: 'qualified'; readonly since: LegalDate }
  | { readonly status: 'disqualified'; readonly since: LegalDate; readonly reason: string };

export interface ExporterDocument {
  readonly kind: 'exporter';
  readonly exporterId: string;
  readonly state: RegisteredExporterState;
  readonly generalLicense: GeneralLicenseStanding;
  readonly history: readonly HistoryEntry[];
  readonly revision: number;
}

/**
 * Applications and licenses are kept as their own documents in this read
 * model, folded with the domain's evolve: the fold carries the exporter id
 * from the stream's first event (ApplicationDrafted / LicenseIssued), so
 * later events, which do not name the exporter, still land with the right
 * exporter. The query joins them by exporter id.
 */
export interface ExporterApplicationDocument {
  readonly kind: 'application';
  readonly applicationId: string;
  readonly state: KnownApplicationState;
  readonly revision: number;
}

export interface ExporterLicenseDocument {
  readonly kind: 'license';
  readonly licenseId: string;
  readonly state: IssuedLicenseState;
  readonly revision: number;
}

export type ExporterViewDocument = ExporterDocument | ExporterApplicationDocument | ExporterLicenseDocument;

export const EXPORTER_VIEW = 'exporter-view';

const CATEGORIES = { exporter: 'exporter-', application: 'application-', license: 'license-' } as const;
type Category = keyof typeof CATEGORIES;

function categoryOf(event: RecordedEvent): Category {
  const found = (Object.keys(CATEGORIES) as Category[]).find((c) => event.streamId.startsWith(CATEGORIES[c]));
  if (found === undefined) throw new Error(`${EXPORTER_VIEW}: unexpected stream ${event.streamId}`);
  return found;
}

const applied = (doc: { revision: number } | null, event: RecordedEvent) =>
  doc !== null && BigInt(doc.revision) >= event.revision;

function evolveExporterDocument(doc: ExporterDocument | null, event: RecordedEvent): ExporterDocument {
  if (applied(doc, event)) return doc as ExporterDocument;
  const parsed = parseDomainEvent(EXPORTER_VIEW, ExporterEvent, event);
  const state = evolveExporter(doc?.state ?? initialExporterState, parsed);
  if (state.status === 'unregistered')
    throw new Error(`${EXPORTER_VIEW}: ${event.type} for unregistered ${event.streamId}`);
  const standing: GeneralLicenseStanding =
    parsed.type === 'QualifiedForGeneralLicenses'
      ? { status: 'qualified', since: parsed.data.qualifiedOn }
      : parsed.type === 'DisqualifiedFromGeneralLicenses'
        ? { status: 'disqualified', since: parsed.data.disqualifiedOn, reason: parsed.data.reason }
        : (doc?.generalLicense ?? { status: 'not_qualified' });
  return {
    kind: 'exporter',
    exporterId: parsed.data.exporterId,
    state,
    generalLicense: standing,
    history: [...(doc?.history ?? []), historyEntry(event)],
    revision: Number(event.revision),
  };
}

function evolveApplicationDocument(
  doc: ExporterApplicationDocument | null,
  event: RecordedEvent,
): ExporterApplicationDocument {
  if (applied(doc, event)) return doc as ExporterApplicationDocument;
  const parsed = parseDomainEvent(EXPORTER_VIEW, ApplicationEvent, event);
  const state = evolveApplication(doc?.state ?? initialApplicationState, parsed);
  if (state.status === 'none') throw new Error(`${EXPORTER_VIEW}: ${event.type} left ${event.streamId} undrafted`);
  return { kind: 'application', applicationId: parsed.data.applicationId, state, revision: Number(event.revision) };
}

function evolveLicenseDocument(doc: ExporterLicenseDocument | null, event: RecordedEvent): ExporterLicenseDocument {
  if (applied(doc, event)) return doc as ExporterLicenseDocument;
  const parsed = parseDomainEvent(EXPORTER_VIEW, LicenseEvent, event);
  const state = evolveLicense(doc?.state ?? initialLicenseState, parsed);
  if (state.status === 'none') throw new Error(`${EXPORTER_VIEW}: ${event.type} left ${event.streamId} unissued`);
  return { kind: 'license', licenseId: parsed.data.licenseId, state, revision: Number(event.revision) };
}

/** Keys are `exporter:<id>`, `application:<id>` and `license:<id>`, each from its own stream id. */
export const exporterViewProjection: Projection<ExporterViewDocument> = {
  name: EXPORTER_VIEW,
  // 2: the license fold holds its shipments and amendment requests (corrections, cancellations, requests).
  // 3: the cases' index by exporter (exporterViewIndex).
  // 4: the exporters' list (rows and words of each exporter).
  version: 4,
  index: exporterViewIndex,
  filter: { streamPrefixes: Object.values(CATEGORIES) },
  keysOf(event) {
    const category = categoryOf(event);
    return [`${category}:${idInStream(event.streamId, CATEGORIES[category])}`];
  },
  evolve(doc, event) {
    const category = categoryOf(event);
    switch (category) {
      case 'exporter':
        return evolveExporterDocument(doc?.kind === 'exporter' ? doc : null, event);
      case 'application':
        return evolveApplicationDocument(doc?.kind === 'application' ? doc : null, event);
      case 'license':
        return evolveLicenseDocument(doc?.kind === 'license' ? doc : null, event);
      default:
        return assertNever(category, 'stream category');
    }
  },
};
