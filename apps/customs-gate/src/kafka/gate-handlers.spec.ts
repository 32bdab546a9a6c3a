import { handleContractMessage, InMemoryDedupeStore, Topics, type ContractMessage } from '@licensing/contracts';
import { kafkaMessageOf, sampleContractMessages } from '@licensing/contracts/testing';
import type { BookOutcome } from '../gate/gate-license-book';
import { GateLicenseBook } from '../gate/gate-license-book';
import { licenseStateMessage } from '../gate/testing/license-states';
import { gateHandlers } from './gate-handlers';

// The consumer kit's own core with real kafkajs messages: what the running
// gate does for each message, without a broker.
function gateUnderTest() {
  const book = new GateLicenseBook();
  const outcomes: BookOutcome[] = [];
  const deps = { handlers: gateHandlers(book, (o) => outcomes.push(o)), dedupe: new InMemoryDedupeStore() };
  let offset = 0;
  const deliver = (message: ContractMessage, topic: string = Topics.licenseState) =>
    handleContractMessage(
      { topic, partition: 0, message: kafkaMessageOf(message, { offset: String(offset++) }) },
      deps,
    );
  return { book, outcomes, deliver };
}

describe('the gate fed by the consumer kit', () => {
  it('learns a license from its license.state message', async () => {
    const gate = gateUnderTest();
    await expect(gate.deliver(licenseStateMessage({ licenseId: 'lic-7', version: 0 }))).resolves.toMatchObject({
      status: 'handled',
    });
    expect(gate.book.get('lic-7')).toMatchObject({ exporterId: 'exp-1', status: 'active', version: 0 });
  });

  it('drops the very same message delivered twice at the consumer kit, before the book', async () => {
    const gate = gateUnderTest();
    const message = licenseStateMessage({ version: 1 });
    await gate.deliver(message);
    await expect(gate.deliver(message)).resolves.toMatchObject({ status: 'duplicate' });
    expect(gate.outcomes.map((o) => o.outcome)).toEqual(['applied']);
  });

  it('keeps the newest state when an older snapshot arrives again and the dedupe store has forgotten it', async () => {
    const gate = gateUnderTest();
    const older = licenseStateMessage({ version: 1 });
    const suspension = { reason: 'Audit', suspendedOn: '2026-02-01', until: null };
    await gate.deliver(older);
    await gate.deliver(licenseStateMessage({ version: 2, data: { status: 'suspended', suspension } }));
    // An in-memory dedupe store is bounded and forgets; only the version rule is left to protect the book.
    const forgetfulDeps = {
      handlers: gateHandlers(gate.book, (o) => gate.outcomes.push(o)),
      dedupe: new InMemoryDedupeStore(),
    };
    const again = await handleContractMessage(
      { topic: Topics.licenseState, partition: 0, message: kafkaMessageOf(older, { offset: '99' }) },
      forgetfulDeps,
    );
    expect(again.status).toBe('handled');
    expect(gate.book.get('lic-1')).toMatchObject({ status: 'suspended', version: 2 });
    expect(gate.outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied', 'stale']);
  });

  it('reads and skips license events: the snapshot of the same source event carries the state', async () => {
    const gate = gateUnderTest();
    const outcome = await gate.deliver(sampleContractMessages()['license.suspended'], Topics.licenseEvents);
    expect(outcome).toMatchObject({ status: 'no-handler', type: 'license.suspended' });
    expect(gate.book.size).toBe(0);
  });
});
