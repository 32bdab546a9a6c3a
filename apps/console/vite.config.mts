import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { WORDS_MODULE, wordsByLanguage, wordsChunkName } from './words-by-language.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The libraries the first load needs, apart from the console's own code (a new build of the console leaves them
 * cached) and in the modulepreload list (fetched and compiled in parallel): React with its router, and the rest
 * (Mantine, i18next, TanStack Query). Two chunks, not one per library: the service speaks HTTP/1.1, six requests
 * at a time, and the entry, the runtime, a shared chunk, the CSS and these two make six.
 */
const VENDOR_CHUNKS: readonly { readonly name: string; readonly test: RegExp }[] = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
];

/**
 * The console is static files the service serves under /console. It imports
 * the domain library itself (the same zod schemas and permission table the
 * API uses); the domain stays free of Node built-ins for that reason.
 */
export default defineConfig({
  root,
  base: '/console/',
  plugins: [react(), wordsByLanguage(`${root}src/i18n/resources/index.ts`)],
  resolve: {
    alias: { '@licensing/domain': `${workspace}libs/domain/src/index.ts` },
  },
  build: {
    outDir: `${workspace}dist/apps/console`,
    emptyOutDir: true,
    sourcemap: true,
    // One chunk per page (routes load lazily) keeps the first load small.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      treeshake: {
        // The domain library's modules only declare (schemas, tables, functions): a module none of whose
        // exports a chunk uses is left out, as for a package with `"sideEffects": false`. Without this its
        // top-level zod calls keep every schema (and zod) in the first load, for the navigation's one table.
        moduleSideEffects: [{ test: /[\\/]libs[\\/]domain[\\/]src[\\/]/, sideEffects: false }],
      },
      output: {
        codeSplitting: {
          // Only what the first load needs ($initial): a component only some pages use stays in their chunks.
          groups: [
            ...VENDOR_CHUNKS.map(({ name, test }) => ({ name, test, tags: ['$initial' as const] })),
            // words-en.js, words-zh.js: first-load.spec.ts counts the reader's words by these names.
            { name: (id: string) => wordsChunkName(id), test: WORDS_MODULE },
          ],
        },
      },
    },
  },
});
