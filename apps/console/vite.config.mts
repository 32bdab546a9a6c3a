import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const workspace = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The console is static files the service serves under /console. It imports
 * the domain library itself (the same zod schemas and permission table the
 * API uses); the domain stays free of Node built-ins for that reason.
 */
export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  resolve: {
    alias: { '@licensing/domain': `${workspace}libs/domain/src/index.ts` },
  },
  build: {
    outDir: `${workspace}dist/apps/console`,
    emptyOutDir: true,
    sourcemap: true,
    // One chunk per page (routes load lazily) keeps the first load small.
    chunkSizeWarningLimit: 600,
  },
});
