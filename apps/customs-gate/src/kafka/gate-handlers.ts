import type { ContractHandlers } from '@licensing/contracts';
import type { BookOutcome, GateLicenseBook } from '../gate/gate-license-book';

/**
 * The gate listens to the compacted state topic only: every license event
 * the relay sends comes with a snapshot of the same source event, so the
 * event topic would repeat what the snapshot already says.
 */
export function gateHandlers(
  book: GateLicenseBook,
  observe: (outcome: BookOutcome) => void = () => undefined,
): ContractHandlers {
  return {
    'license.state': async (message) => {
      observe(book.apply(message.data));
    },
  };
}
