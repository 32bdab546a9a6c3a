import { EventStore } from '../event-store';
import { appendContract } from './append-contract';
import { concurrencyContract } from './concurrency-contract';
import { type ContractGuarantees, contractUpcasters, CreateStore, FULL_GUARANTEES, StoreUnderTest } from './fixtures';
import { integrityContract } from './integrity-contract';
import { readContract } from './read-contract';
import { subscriptionContract } from './subscription-contract';

/**
 * The behaviour every EventStore adapter must have, as jest blocks. Call it
 * from an adapter's `.int.spec.ts`. `createStore` gets a fresh store per
 * test, built with the given upcasters; tests use their own stream ids, so a
 * shared server with other data works too.
 */
export function eventStoreContract(
  name: string,
  createStore: CreateStore,
  guarantees: ContractGuarantees = FULL_GUARANTEES,
): void {
  describe(`EventStore contract: ${name}`, () => {
    let underTest: StoreUnderTest | undefined;
    const store = (): EventStore => {
      if (!underTest) throw new Error('The contract store is only available inside a test.');
      return underTest.store;
    };

    beforeEach(async () => {
      underTest = await createStore({ upcasters: contractUpcasters() });
    });
    afterEach(async () => {
      await underTest?.dispose();
      underTest = undefined;
    });

    appendContract(store, guarantees);
    readContract(store);
    integrityContract(store);
    subscriptionContract(store);
    concurrencyContract(store);
  });
}
