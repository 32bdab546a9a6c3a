import { RecordedEvent } from './envelope';
import { GENESIS_HASH } from './integrity';
import { fixedMetadata } from './testing/fixtures';
import { Upcasters } from './upcasters';

const recorded = (type: string, version: number, data: unknown): RecordedEvent => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  version,
  data,
  metadata: fixedMetadata(),
  streamId: 'license-1',
  revision: 0n,
  position: 0n,
  integrity: { prevHash: GENESIS_HASH, hash: GENESIS_HASH },
});

describe('Upcasters', () => {
  const upcasters = new Upcasters()
    .register({
      type: 'LicenseIssued',
      fromVersion: 1,
      upcast: (d) => ({ ...(d as object), quantityKg: (d as { tonnes: number }).tonnes * 1000 }),
    })
    .register({
      type: 'LicenseIssued',
      fromVersion: 2,
      upcast: (d, e) => ({ ...(d as object), issuedAt: e.metadata.occurredAt }),
    });

  it('applies steps in chain from the stored version to the newest', () => {
    const event = upcasters.apply(recorded('LicenseIssued', 1, { tonnes: 2 }));
    expect(event.version).toBe(3);
    expect(event.data).toEqual({ tonnes: 2, quantityKg: 2000, issuedAt: '2026-01-15T09:00:00.000Z' });
  });

  it('starts from whatever version was stored', () => {
    expect(upcasters.apply(recorded('LicenseIssued', 2, {}))).toMatchObject({
      version: 3,
      data: { issuedAt: expect.any(String) },
    });
  });

  it('returns current versions and other types unchanged, as the same object', () => {
    const current = recorded('LicenseIssued', 3, { x: 1 });
    const other = recorded('LicenseRevoked', 1, { y: 1 });
    expect(upcasters.apply(current)).toBe(current);
    expect(upcasters.apply(other)).toBe(other);
  });

  it('never mutates the event it was given', () => {
    const stored = recorded('LicenseIssued', 1, { tonnes: 1 });
    upcasters.apply(stored);
    expect(stored).toMatchObject({ version: 1, data: { tonnes: 1 } });
  });

  it('refuses two steps for the same type and version', () => {
    expect(() => upcasters.register({ type: 'LicenseIssued', fromVersion: 1, upcast: (d) => d })).toThrow(
      'Two upcasters for LicenseIssued v1',
    );
  });
});
