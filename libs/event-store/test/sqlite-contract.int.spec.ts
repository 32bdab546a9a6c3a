import { openSqliteEventStore } from '@licensing/event-store';
import { eventStoreContract } from '@licensing/event-store/testing';
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
