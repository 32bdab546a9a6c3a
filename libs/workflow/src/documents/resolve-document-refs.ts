import type { SuppliedDocument } from '@licensing/domain';
import { ApplicationError } from '../shared/application-errors';
import type { DocumentContentStore } from './document-content';

/** A document names bytes the service does not hold: upload them first (POST /documents). */
export class DocumentNotStored extends ApplicationError {
  readonly kind = 'rule_broken';
}

/**
 * Checks every document that names a hash against the store: the bytes must
 * be there, and a media type given must be the one they were uploaded with;
 * one not given is filled in from the store, so the event records both.
 * Documents without a hash pass as they are (references to paper).
 */
export async function resolveDocumentRefs(
  store: DocumentContentStore,
  documents: readonly SuppliedDocument[],
): Promise<SuppliedDocument[]> {
  const resolved: SuppliedDocument[] = [];
  for (const document of documents) {
    if (document.sha256 === undefined) {
      if (document.mediaType !== undefined) {
        throw new DocumentNotStored(
          'document.media_type_without_hash',
          `Document "${document.name}" gives a media type but no sha256; name the uploaded bytes by their sha256.`,
          { name: document.name },
        );
      }
      resolved.push(document);
      continue;
    }
    const stored = await store.stat(document.sha256);
    if (stored === null) {
      throw new DocumentNotStored(
        'document.not_stored',
        `No document with sha256 ${document.sha256} is stored; upload its bytes with POST /documents first.`,
        { name: document.name, sha256: document.sha256 },
      );
    }
    if (document.mediaType !== undefined && document.mediaType.toLowerCase() !== stored.mediaType) {
      throw new DocumentNotStored(
        'document.media_type_mismatch',
        `Document ${document.sha256} was uploaded as ${stored.mediaType}, not ${document.mediaType}.`,
        { name: document.name, sha256: document.sha256, storedMediaType: stored.mediaType },
      );
    }
    resolved.push({ ...document, mediaType: stored.mediaType });
  }
  return resolved;
}
