import { sampleContractMessages } from '@licensing/contracts/testing';
import { type ContractRecord, toContractRecord } from '@licensing/contracts';
import { PublishPipeline, type PublishPipelineDeps } from './publish-pipeline';

const samples = sampleContractMessages();
const record = (type: 'license.issued' | 'license.state'): ContractRecord => toContractRecord(samples[type]);

/** A broker stand-in whose acknowledgements the spec releases one by one. */
/** Every record counts 100 bytes here: the spec sets the limits in records. */
const RECORD_BYTES = 100;

function recordingBroker(maxBatchEvents: number, maxBatchRecords = 1000) {
  const journal: string[] = [];
  const acks: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const failures: unknown[] = [];
  const deps: PublishPipelineDeps = {
    maxBatchEvents,
    maxBatchBytes: maxBatchRecords * RECORD_BYTES,
    sizeOf: () => RECORD_BYTES,
    send: (records) =>
      new Promise<void>((resolve, reject) => {
        journal.push(`send ${records.length}`);
        acks.push({ resolve, reject });
      }),
    commit: async (position, events, messages) =>
      void journal.push(`checkpoint ${position} (${events} events, ${messages} messages)`),
    onFailure: (error) => void failures.push(error),
  };
  return { journal, acks, failures, pipeline: new PublishPipeline(deps) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('PublishPipeline', () => {
  it('sends several events in one request and saves one checkpoint, only after the acknowledgement', async () => {
    const { journal, acks, pipeline } = recordingBroker(3);
    await pipeline.add(10n, [record('license.issued'), record('license.state')]);
    await pipeline.add(11n, []);
    const full = pipeline.add(12n, [record('license.issued')]);
    await tick();
    expect(journal).toEqual(['send 3']);

    // Handed over: the subscription goes on filling the next batch while this one is in flight.
    await full;
    expect(journal).toEqual(['send 3']);
    acks[0]!.resolve();
    await pipeline.flush();
    expect(journal).toEqual(['send 3', 'checkpoint 12 (3 events, 3 messages)']);
  });

  it('sends a batch once its messages reach the byte limit, however few events it has', async () => {
    const { journal, acks, pipeline } = recordingBroker(100, 3);
    await pipeline.add(30n, [record('license.issued'), record('license.state')]);
    // Not full: nothing sent. (No turn of the event loop here: a pause would send it, by design.)
    expect(journal).toEqual([]);
    await pipeline.add(31n, [record('license.issued'), record('license.state')]);
    await tick();
    expect(journal).toEqual(['send 4']);
    acks[0]!.resolve();
    await pipeline.flush();
    expect(journal).toEqual(['send 4', 'checkpoint 31 (2 events, 4 messages)']);
  });

  it('sends what it holds once the subscription pauses, and moves the checkpoint past events without messages', async () => {
    const { journal, acks, pipeline } = recordingBroker(100);
    await pipeline.add(20n, []);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(journal).toEqual(['checkpoint 20 (1 events, 0 messages)']);
    expect(acks).toHaveLength(0);
  });

  it('keeps one request in flight: the next batch waits for the previous acknowledgement', async () => {
    const { journal, acks, pipeline } = recordingBroker(1);
    const first = pipeline.add(1n, [record('license.issued')]);
    const second = pipeline.add(2n, [record('license.state')]);
    await tick();
    expect(journal).toEqual(['send 1']);
    acks[0]!.resolve();
    await first;
    await tick();
    expect(journal).toEqual(['send 1', 'checkpoint 1 (1 events, 1 messages)', 'send 1']);
    acks[1]!.resolve();
    await second;
  });

  it('saves no checkpoint for a failed send, reports the failure once, and sends nothing after it', async () => {
    const { journal, acks, failures, pipeline } = recordingBroker(1);
    const first = pipeline.add(1n, [record('license.issued')]);
    const second = pipeline.add(2n, [record('license.state')]);
    await tick();
    acks[0]!.reject(new Error('NOT_ENOUGH_REPLICAS'));
    // The first was handed over before its send failed; the one waiting behind it learns of the failure.
    await first;
    await expect(second).rejects.toThrow('NOT_ENOUGH_REPLICAS');
    await expect(pipeline.add(3n, [])).rejects.toThrow('NOT_ENOUGH_REPLICAS');
    expect(journal).toEqual(['send 1']);
    expect(failures).toHaveLength(1);
  });
});
