export { kafkaBrokersFromEnv, waitUntil } from '@licensing/contracts/testing';

/** A topic name no earlier run or other suite on a shared broker uses. */
export function uniqueTopic(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`;
}
