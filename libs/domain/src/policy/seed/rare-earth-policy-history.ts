import { legalFrame } from './legal-frame';
import { no18Of2025, october2025Package } from './rare-earth-measures-2025';
import { SeedPolicyEvent, toSeedEvents } from './seed-policy-event';
import { no46Of2024AndNo72Of2025, no70Of2025 } from './suspension-measures';

/**
 * The real policy history, as the events a policy officer would have
 * recorded on each publication day. Seeding is idempotent: ids derive from
 * stream and revision. Whether No. 70's suspension was extended past
 * 2026-11-10 is not in our sources, so no extension is seeded.
 */
export function rareEarthPolicyHistory(): SeedPolicyEvent[] {
  const [law, order792] = legalFrame();
  const [no46, no72, no72Suspension] = no46Of2024AndNo72Of2025();
  return toSeedEvents([
    law!,
    order792!,
    no46!,
    no18Of2025(),
    ...october2025Package(),
    ...no70Of2025(),
    no72!,
    no72Suspension!,
  ]);
}
