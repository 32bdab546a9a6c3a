import { openSqliteEventStore } from '../src';
import { eventStoreContract } from '../src/testing';
import { tempDir } from './temp-db';

eventStoreContract('SQLite (file, WAL, synchronous=FULL)', async ({ upcasters }) => {
  const dir = tempDir();
  const store = openSqliteEventStore({ filename: dir.path(), upcasters });
  return {
    store,
    async dispose() {
      await store.close();
      dir.remove();
    },
  };
});
