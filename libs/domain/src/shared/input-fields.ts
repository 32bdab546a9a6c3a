import { z } from 'zod';

/**
 * Limits on what a command may carry. They bound requests, not history, so
 * they sit on the command input schemas only (`*Input`, the `*Data` of each
 * command). Event schemas keep their permissive fields (`z.string().min(1)`,
 * unbounded arrays): an event stored before a limit existed must still load,
 * and a tighter event schema would make old streams unreadable. Where a
 * command and an event share a field schema, the command uses the `*Input`
 * twin defined beside it; `command-inputs.spec.ts` proves each twin is its
 * stored schema plus limits and nothing else.
 */
export const ID_MAX_LENGTH = 128;
/**
 * Letters, digits and `. _ : @ -`, starting with a letter or digit: safe in
 * a URL path, a stream name, a Kafka key and a log line without escaping.
 * Every id the walkthrough, the seed and the tests use fits
 * (`app-2026-0001`, `L-app-2026-0001`, `no-57-2025`, `li.wei`, UUIDs).
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]*$/;
/** Names, titles and references (contract, certificate, declaration refs). */
export const NAME_MAX_LENGTH = 200;
/** Descriptions, notes, reasons, summaries. */
export const TEXT_MAX_LENGTH = 2_000;
/** Short codes without a registry pattern of their own: units, HS codes. */
export const CODE_MAX_LENGTH = 32;

/** The most entries a command's list may hold; generous for the trade, small enough to bound a request. */
export const LIST_LIMITS = {
  /** Lines of an application, of a shipment, of a quantity amendment. */
  lines: 100,
  /** End users a license may name, the primary one included. */
  endUsers: 50,
  /** Documents requested or supplied at once. */
  documents: 50,
  reasons: 20,
  /** References to earlier licenses. */
  references: 100,
  /** Public holidays the review clock skips: a few years of a calendar. */
  holidays: 400,
  /** Provisions of a measure, and provision ids named at once. */
  provisions: 100,
  /** Controlled items of one provision. */
  controls: 200,
  /** Rules of one provision. */
  rules: 20,
  /** Destinations (there are about 250 country codes) and control codes listed in one rule or item. */
  codes: 250,
  /** Acts of one announcement on measures (No. 70 of 2025 has six). */
  acts: 100,
} as const;

export const IdInput = z
  .string()
  .min(1)
  .max(ID_MAX_LENGTH)
  .regex(ID_PATTERN, `letters, digits and . _ : @ -, starting with a letter or digit`);

/** A name, title or reference. */
export const NameInput = z.string().min(1).max(NAME_MAX_LENGTH);

/** A description, reason or summary. */
export const TextInput = z.string().min(1).max(TEXT_MAX_LENGTH);

/** Free text that may be empty, e.g. a reviewer's notes. */
export const NotesInput = z.string().max(TEXT_MAX_LENGTH);

export const CodeInput = z.string().min(1).max(CODE_MAX_LENGTH);

/** A SHA-256 content hash: 64 lowercase hex digits (how documents are named in the document store). */
export const Sha256Input = z
  .string()
  .min(1)
  .regex(/^[0-9a-f]{64}$/, '64 lowercase hex digits: the SHA-256 of the bytes');

/** A media type as in Content-Type, without parameters, e.g. `application/pdf`. */
export const MediaTypeInput = z
  .string()
  .min(1)
  .max(127)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'a media type such as application/pdf');
