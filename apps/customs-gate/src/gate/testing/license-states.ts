import { createHash } from 'node:crypto';
import { LicenseStateV1, type LicenseStateSnapshot } from '@licensing/contracts';
import { sampleContractMessages } from '@licensing/contracts/testing';

export interface LicenseStateOptions {
  readonly licenseId?: string;
  /** The license stream's revision; the default position grows with it. */
  readonly version?: number;
  readonly position?: string;
  readonly eventId?: string;
  /** Any other snapshot field, e.g. `status`, `suspension`, `lines`. */
  readonly data?: Partial<Omit<LicenseStateSnapshot, 'licenseId' | 'version' | 'lastPosition' | 'lastEventId'>>;
}

/** A stable UUID per (license, version): a re-sent snapshot carries the same event id, as the relay's would. */
export function eventIdOf(licenseId: string, version: number): string {
  const hex = createHash('sha256').update(`${licenseId}#${version}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A `license.state` message built on the contracts package's own sample and
 * validated with its schema, so a spec cannot feed the gate something the
 * relay could never send. The sample: exporter exp-1, valid 2026-01-21 to
 * 2026-06-30, line 1 of 100 kg Sm-Co magnet blocks with 70 kg remaining,
 * one end user (Stuttgart Motors GmbH, DE).
 */
export function licenseStateMessage(options: LicenseStateOptions = {}): LicenseStateV1 {
  const sample = sampleContractMessages()['license.state'];
  const licenseId = options.licenseId ?? sample.data.licenseId;
  const version = options.version ?? sample.data.version;
  const eventId = options.eventId ?? eventIdOf(licenseId, version);
  const position = options.position ?? String(1000 + version * 10);
  return LicenseStateV1.parse({
    ...sample,
    eventId,
    subject: { kind: 'license', id: licenseId },
    sourcePosition: position,
    data: { ...sample.data, ...options.data, licenseId, version, lastEventId: eventId, lastPosition: position },
  });
}

export function licenseState(options: LicenseStateOptions = {}): LicenseStateSnapshot {
  return licenseStateMessage(options).data;
}

/** The sample's line 1 with another remaining amount (same unit). */
export function lineWithRemaining(amount: number): LicenseStateSnapshot['lines'][number] {
  const line = sampleContractMessages()['license.state'].data.lines[0]!;
  return { ...line, remaining: { amount, unit: line.remaining.unit } };
}
