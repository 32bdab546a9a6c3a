import {
  amendmentReviewerOf,
  LegalDate,
  reviewDeadlinePassed,
  type LicenseStatusOnDate,
  type ResourceOwner,
  type ScopePredicate,
} from '@licensing/domain';
import type { DocumentStore } from '../../document-store';
import type { ApplicationStatusOnDate } from '../application-status';
import {
  type ApplicationDocument,
  applicationKey,
  documentKey,
  LICENSE_STATE,
  type LicenseDocument,
  licenseKey,
  type LicenseStateDocument,
} from './license-state-documents';
import { type ApplicationView, applicationView, type LicenseView, licenseView } from './license-state-views';

export interface LicenseFilter {
  /** The date (China Standard Time) whose effective status is reported and filtered on. */
  readonly asOf: LegalDate;
  /** Which licenses the reader may see (the domain's `scopeFor(operation, actor)`). */
  readonly scope: ScopePredicate;
  readonly exporterId?: string;
  readonly status?: LicenseStatusOnDate;
}

export interface ApplicationFilter {
  readonly asOf: LegalDate;
  /** Which applications the reader may see (the domain's `scopeFor(operation, actor)`). */
  readonly scope: ScopePredicate;
  readonly exporterId?: string;
  readonly status?: ApplicationStatusOnDate;
}

/** Whose an application is: its exporter and the reviewer assigned to it (kept after the decision). */
const applicationOwner = (doc: ApplicationDocument): ResourceOwner => ({
  exporterId: doc.state.application.exporterId,
  reviewerId: doc.reviewerId,
});
/** Whose a license is: its exporter, and the reviewer of its latest amendment request (as the command runner sees it). */
const licenseOwner = (doc: LicenseDocument): ResourceOwner => ({
  exporterId: doc.state.license.exporterId,
  reviewerId: amendmentReviewerOf(doc.state.license.amendmentRequests),
});

/**
 * Answers "where does every application and license stand on a date". The
 * caller passes the date (usually today in China Standard Time), so the
 * answer is reproducible and time-driven changes need no event. Every read
 * takes the reader's data scope: a case out of it is absent (null, or not
 * in the list), exactly like one that does not exist.
 */
export class LicenseStateQuery {
  constructor(private readonly documents: DocumentStore) {}

  application(applicationId: string, asOf: LegalDate, scope: ScopePredicate): ApplicationView | null {
    const doc = this.applicationDoc(applicationId);
    return doc !== null && scope(applicationOwner(doc)) ? applicationView(doc, LegalDate.parse(asOf)) : null;
  }

  license(licenseId: string, asOf: LegalDate, scope: ScopePredicate): LicenseView | null {
    const doc = this.documents.get<LicenseStateDocument>(LICENSE_STATE, licenseKey(licenseId));
    if (doc?.kind !== 'license') return null;
    const application = this.applicationDoc(doc.state.license.applicationId);
    return scope(licenseOwner(doc)) ? licenseView(doc, application, LegalDate.parse(asOf)) : null;
  }

  /** Scans the read model: fine for one replica's licenses; an index is the next step if it is not. */
  licenses(filter: LicenseFilter): LicenseView[] {
    const asOf = LegalDate.parse(filter.asOf);
    const docs = this.documents.all<LicenseStateDocument>(LICENSE_STATE);
    const applications = new Map(
      docs.filter((d): d is ApplicationDocument => d.kind === 'application').map((d) => [d.id, d]),
    );
    return docs
      .filter((d): d is LicenseDocument => d.kind === 'license')
      .filter((d) => filter.exporterId === undefined || d.state.license.exporterId === filter.exporterId)
      .map((d) => ({ d, application: applications.get(d.state.license.applicationId) ?? null }))
      .filter(({ d }) => filter.scope(licenseOwner(d)))
      .map(({ d, application }) => licenseView(d, application, asOf))
      .filter((view) => filter.status === undefined || view.status === filter.status);
  }

  applications(filter: ApplicationFilter): ApplicationView[] {
    const asOf = LegalDate.parse(filter.asOf);
    return this.documents
      .all<LicenseStateDocument>(LICENSE_STATE)
      .filter((d): d is ApplicationDocument => d.kind === 'application')
      .filter((d) => filter.exporterId === undefined || d.state.application.exporterId === filter.exporterId)
      .filter((d) => filter.scope(applicationOwner(d)))
      .map((d) => applicationView(d, asOf))
      .filter((view) => filter.status === undefined || view.status === filter.status);
  }

  /**
   * Live licenses whose validity ended before `today`: due an
   * ExpireLicense event. Queries already report them expired without it.
   */
  licensesDueForExpiry(today: LegalDate): string[] {
    return this.documents
      .all<LicenseStateDocument>(LICENSE_STATE)
      .filter((d): d is LicenseDocument => d.kind === 'license')
      .filter(
        (d) => (d.state.status === 'active' || d.state.status === 'suspended') && today > d.state.license.validUntil,
      )
      .map((d) => d.id);
  }

  /** Open cases whose review deadline passed before `today` and is not yet recorded as missed. */
  applicationsDueForMissedDeadline(today: LegalDate): string[] {
    return this.documents
      .all<LicenseStateDocument>(LICENSE_STATE)
      .filter((d): d is ApplicationDocument => d.kind === 'application')
      .filter(
        ({ state }) =>
          (state.status === 'under_review' || state.status === 'reviewed') &&
          !state.deadlineMissed &&
          reviewDeadlinePassed(state.reviewDeadline, today),
      )
      .map((d) => d.id);
  }

  /**
   * May the reader have the bytes of this document? Yes when an application
   * that names them is one the reader may read; bytes nobody names (or an
   * unknown hash) are for nobody, exactly like bytes that are not there.
   */
  documentReadable(sha256: string, scope: ScopePredicate): boolean {
    const doc = this.documents.get<LicenseStateDocument>(LICENSE_STATE, documentKey(sha256));
    if (doc?.kind !== 'document') return false;
    return doc.applicationIds.some((id) => {
      const application = this.applicationDoc(id);
      return application !== null && scope(applicationOwner(application));
    });
  }

  private applicationDoc(applicationId: string): ApplicationDocument | null {
    const doc = this.documents.get<LicenseStateDocument>(LICENSE_STATE, applicationKey(applicationId));
    return doc?.kind === 'application' ? doc : null;
  }
}
