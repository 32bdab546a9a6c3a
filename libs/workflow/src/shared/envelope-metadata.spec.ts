import { envelopeMetadata } from './envelope-metadata';

const facts = { commandId: 'li.wei:key-1', occurredAt: '2026-11-23T02:00:00.000Z' };
const recordedAt = '2026-11-23T02:00:00.010Z';

describe('envelopeMetadata', () => {
  it('records the verified subject, its issuer and the exporters the user acted for', () => {
    const actor = {
      id: 'li.wei',
      role: 'exporter' as const,
      issuer: 'urn:export-licensing:local-issuer',
      exporterIds: ['ningbo-magnetics'],
    };
    expect(envelopeMetadata({ ...facts, actor }, recordedAt)).toEqual({
      actor: 'li.wei',
      role: 'exporter',
      issuer: 'urn:export-licensing:local-issuer',
      exporterIds: ['ningbo-magnetics'],
      commandId: 'li.wei:key-1',
      correlationId: 'li.wei:key-1',
      causationId: 'li.wei:key-1',
      occurredAt: facts.occurredAt,
      recordedAt,
    });
  });

  it('leaves the keys out, not undefined, for the system: its events hash as they always did', () => {
    const metadata = envelopeMetadata({ ...facts, actor: { id: 'scheduler', role: 'system' } }, recordedAt);
    expect(Object.keys(metadata)).not.toContain('issuer');
    expect(Object.keys(metadata)).not.toContain('exporterIds');
  });

  it('records the trace context of the append when tracing is on, and leaves the key out when it is off', () => {
    const actor = { id: 'scheduler', role: 'system' as const };
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(envelopeMetadata({ ...facts, actor, traceparent }, recordedAt)).toMatchObject({ traceparent });
    expect(Object.keys(envelopeMetadata({ ...facts, actor, traceparent: undefined }, recordedAt))).not.toContain(
      'traceparent',
    );
  });
});
