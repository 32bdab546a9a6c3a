/** What the store knows of stored bytes: their hash, the media type they were uploaded with, their size. */
export interface StoredDocument {
  readonly sha256: string;
  readonly mediaType: string;
  readonly size: number;
}

/**
 * The port for document bytes, addressed by their SHA-256: the same bytes
 * are stored once, whoever uploads them, and a hash names exactly one
 * content forever. The adapter decides where they live (a directory under
 * DATA_DIR for the embedded service).
 */
export interface DocumentContentStore {
  /** Stores the bytes (idempotent for the same bytes); `created` is false when they were there already. */
  put(bytes: Buffer, mediaType: string): Promise<StoredDocument & { readonly created: boolean }>;
  /** What is stored under the hash, or null. */
  stat(sha256: string): Promise<StoredDocument | null>;
  /** The bytes and their media type, or null. */
  read(sha256: string): Promise<{ readonly document: StoredDocument; readonly bytes: Buffer } | null>;
}

/** The Nest token of the app's `DocumentContentStore`. */
export const DOCUMENT_CONTENT = Symbol('DOCUMENT_CONTENT');
