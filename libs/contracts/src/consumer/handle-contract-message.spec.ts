import type { KafkaMessage } from 'kafkajs';
import type { ContractMessageOf } from '../integration-event';
import { Topics } from '../topics';
import { kafkaMessageOf, sampleContractMessages } from '../testing';
import { ContractViolationError } from './contract-violation';
import { InMemoryDedupeStore } from './dedupe-store';
import {
  type ContractMessageContext,
  handleContractMessage,
  type HandleContractMessageDeps,
} from './handle-contract-message';

const samples = sampleContractMessages();
const suspended = samples['license.suspended'];
const incoming = (message: KafkaMessage, topic: string = Topics.licenseEvents) => ({ topic, partition: 2, message });

function recordingDeps(overrides: Partial<HandleContractMessageDeps> = {}) {
  const seen: { message: ContractMessageOf<'license.suspended'>; context: ContractMessageContext }[] = [];
  const deps: HandleContractMessageDeps = {
    dedupe: new InMemoryDedupeStore(),
    handlers: {
      'license.suspended': async (message, context) => {
        seen.push({ message, context });
      },
    },
    ...overrides,
  };
  return { deps, seen };
}

async function violationOf(message: KafkaMessage): Promise<ContractViolationError> {
  const { deps } = recordingDeps();
  const error = await handleContractMessage(incoming(message), deps).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ContractViolationError);
  return error as ContractViolationError;
}

describe('handleContractMessage', () => {
  it('hands the typed, validated event and where it came from to the handler of its type', async () => {
    const { deps, seen } = recordingDeps();
    const outcome = await handleContractMessage(incoming(kafkaMessageOf(suspended, { offset: '41' })), deps);

    expect(outcome).toEqual({ status: 'handled', type: 'license.suspended', eventId: suspended.eventId });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.message.data.until).toBe('2026-04-01');
    expect(seen[0]!.context).toMatchObject({
      topic: Topics.licenseEvents,
      partition: 2,
      offset: '41',
      key: 'lic-1',
      dedupeKey: `${suspended.eventId}/license.suspended`,
    });
  });

  it('skips a redelivered event: the handler runs once per event id', async () => {
    const { deps, seen } = recordingDeps();
    await handleContractMessage(incoming(kafkaMessageOf(suspended, { offset: '41' })), deps);
    const again = await handleContractMessage(incoming(kafkaMessageOf(suspended, { offset: '97' })), deps);

    expect(again.status).toBe('duplicate');
    expect(seen).toHaveLength(1);
  });

  it('does not treat the state snapshot of the same source event as a duplicate of the event', async () => {
    const snapshot = {
      ...samples['license.state'],
      eventId: suspended.eventId,
      data: { ...samples['license.state'].data, lastEventId: suspended.eventId },
    };
    const states: string[] = [];
    const { deps } = recordingDeps();
    const withState = {
      ...deps,
      handlers: { ...deps.handlers, 'license.state': async (m: typeof snapshot) => void states.push(m.data.status) },
    };
    await handleContractMessage(incoming(kafkaMessageOf(suspended)), withState);
    const outcome = await handleContractMessage(incoming(kafkaMessageOf(snapshot), Topics.licenseState), withState);

    expect(outcome.status).toBe('handled');
    expect(states).toEqual(['active']);
  });

  it('leaves a failed event unremembered, so its redelivery runs the handler again', async () => {
    let attempts = 0;
    const dedupe = new InMemoryDedupeStore();
    const deps: HandleContractMessageDeps = {
      dedupe,
      handlers: {
        'license.suspended': async () => {
          attempts += 1;
          if (attempts === 1) throw new Error('ERP unavailable');
        },
      },
    };
    await expect(handleContractMessage(incoming(kafkaMessageOf(suspended)), deps)).rejects.toThrow('ERP unavailable');
    expect(dedupe.size).toBe(0);

    await expect(handleContractMessage(incoming(kafkaMessageOf(suspended)), deps)).resolves.toMatchObject({
      status: 'handled',
    });
    expect(attempts).toBe(2);
  });

  it('reads and skips a valid event nobody handles, without remembering it', async () => {
    const { deps } = recordingDeps();
    const outcome = await handleContractMessage(incoming(kafkaMessageOf(samples['license.revoked'])), deps);
    expect(outcome).toEqual({
      status: 'no-handler',
      type: 'license.revoked',
      eventId: samples['license.revoked'].eventId,
    });
    expect((deps.dedupe as InMemoryDedupeStore).size).toBe(0);
  });

  it('skips a well-formed envelope of a type added after this package was built', async () => {
    const { deps } = recordingDeps();
    const future = { ...suspended, type: 'license.transferred', data: { licenseId: 'lic-1', to: 'exp-2' } };
    const message = kafkaMessageOf(suspended, {
      headers: { 'event-type': 'license.transferred' },
      rawValue: Buffer.from(JSON.stringify(future)),
    });
    await expect(handleContractMessage(incoming(message), deps)).resolves.toEqual({
      status: 'unknown-type',
      type: 'license.transferred',
      eventId: suspended.eventId,
    });
  });

  it('accepts headers as strings or repeated values, as other Kafka clients may send them', async () => {
    const { deps, seen } = recordingDeps();
    const message: KafkaMessage = {
      key: Buffer.from('lic-1'),
      value: Buffer.from(JSON.stringify(suspended)),
      timestamp: '1767225600000',
      attributes: 0,
      offset: '5',
      headers: {
        'event-id': [suspended.eventId, 'ignored'],
        'event-type': 'license.suspended',
        'event-version': Buffer.from('1'),
      },
    };
    await handleContractMessage(incoming(message), deps);
    expect(seen).toHaveLength(1);
  });
});

describe('handleContractMessage on a message that breaks the contract', () => {
  it('throws by default, so the offset is not committed, naming where the message is', async () => {
    const error = await violationOf(kafkaMessageOf(suspended, { offset: '7', rawValue: Buffer.from('{not json') }));
    expect(error.code).toBe('contract.invalid_json');
    expect(error.message).toContain('export-licensing.license-events.v1[2]@7');
    expect(error.eventId).toBe(suspended.eventId);
  });

  it('hands it to onInvalid instead when given, and calls no handler', async () => {
    const dealtWith: string[] = [];
    const { deps, seen } = recordingDeps({ onInvalid: async (error) => void dealtWith.push(error.code) });
    const broken = { ...suspended, data: { ...suspended.data, suspendedOn: 'soon' } };
    const outcome = await handleContractMessage(incoming(kafkaMessageOf(broken)), deps);

    expect(outcome.status).toBe('invalid-dealt-with');
    expect(dealtWith).toEqual(['contract.schema_mismatch']);
    expect(seen).toHaveLength(0);
  });

  it('keeps the offset uncommitted when onInvalid itself fails', async () => {
    const { deps } = recordingDeps({
      onInvalid: async () => Promise.reject(new Error('dead-letter topic unavailable')),
    });
    const message = kafkaMessageOf(suspended, { rawValue: null });
    await expect(handleContractMessage(incoming(message), deps)).rejects.toThrow('dead-letter topic unavailable');
  });

  it.each([
    ['a tombstone or empty value', { rawValue: null }, 'contract.empty_value'],
    ['no event-id header', { headers: { 'event-id': undefined } }, 'contract.missing_header'],
    ['no event-type header', { headers: { 'event-type': undefined } }, 'contract.missing_header'],
    [
      'an event-id header that differs from the envelope',
      { headers: { 'event-id': '00000000-0000-4000-8000-999999999999' } },
      'contract.header_mismatch',
    ],
    [
      'an event-type header that differs from the envelope',
      { headers: { 'event-type': 'license.revoked' } },
      'contract.header_mismatch',
    ],
    [
      'an event-version header that differs from the envelope',
      { headers: { 'event-version': '2' } },
      'contract.header_mismatch',
    ],
    ['a content type other than JSON', { headers: { 'content-type': 'application/avro' } }, 'contract.header_mismatch'],
    ['a key other than the subject id', { key: 'lic-2' }, 'contract.key_mismatch'],
    ['no key', { key: null }, 'contract.key_mismatch'],
    ['a JSON value that is not an envelope', { rawValue: Buffer.from('[1,2]') }, 'contract.schema_mismatch'],
  ] as const)('refuses %s', async (_what, options, code) => {
    expect((await violationOf(kafkaMessageOf(suspended, options))).code).toBe(code);
  });

  it('refuses a known type at a version this topic does not carry', async () => {
    const v2 = { ...suspended, version: 2 };
    const message = kafkaMessageOf(suspended, {
      headers: { 'event-version': '2' },
      rawValue: Buffer.from(JSON.stringify(v2)),
    });
    const error = await violationOf(message);
    expect(error.code).toBe('contract.unknown_version');
    expect(error.message).toContain('license.suspended v2 is not v1');
  });

  it('names the failing field when the data does not fit the schema', async () => {
    const { until: _dropped, ...data } = suspended.data;
    const error = await violationOf(kafkaMessageOf({ ...suspended, data } as unknown as typeof suspended));
    expect(error.code).toBe('contract.schema_mismatch');
    expect(error.message).toContain('data.until');
  });
});

describe('InMemoryDedupeStore', () => {
  it('forgets the least recently remembered keys beyond its capacity', async () => {
    const store = new InMemoryDedupeStore(2);
    await store.remember('a');
    await store.remember('b');
    await store.remember('a');
    await store.remember('c');
    expect([await store.has('a'), await store.has('b'), await store.has('c')]).toEqual([true, false, true]);
    expect(store.size).toBe(2);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new InMemoryDedupeStore(0)).toThrow(RangeError);
  });
});
