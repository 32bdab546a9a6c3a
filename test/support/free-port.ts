import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 now: for a service a spec restarts and wants
 * at the same address (a browser keeps its session per origin, port included).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
