import { Actor, CommandMetadata, Role } from '../shared/metadata';
import { Item, Party } from '../shared/items';

/**
 * Test builders shared by the exporter, application and license specs.
 * Not exported from the library: production code builds its own values.
 */

/** A legal date means 10:00 China Standard Time that day (02:00 UTC). */
export function instant(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T02:00:00.000Z` : at;
}

/** Default actor ids per role, so four-eyes specs can vary one of them. */
const defaultActorIds: Record<Role, string> = {
  exporter: 'user-exporter-1',
  licensing_officer: 'officer-1',
  reviewer: 'reviewer-1',
  policy_officer: 'policy-officer-1',
  auditor: 'auditor-1',
  ops: 'ops-1',
  system: 'system',
};

export function meta({
  at = '2026-01-05',
  actor = 'exporter',
}: { at?: string; actor?: Role | Actor } = {}): CommandMetadata {
  const resolved: Actor = typeof actor === 'string' ? { id: defaultActorIds[actor], role: actor } : actor;
  return { commandId: `cmd-${resolved.id}-${at}`, actor: resolved, occurredAt: instant(at) };
}

export function anItem(overrides: Partial<Item> = {}): Item {
  return {
    lineId: '1',
    controlCode: '1C902.a',
    element: 'samarium',
    form: 'magnet_material',
    description: 'Sm-Co permanent magnet blocks',
    hsCode: '8505111000',
    quantity: { amount: 100, unit: 'kg' },
    value: { amount: 50000, currency: 'USD' },
    ...overrides,
  };
}

export function aParty(overrides: Partial<Party> = {}): Party {
  return {
    name: 'Stuttgart Motors GmbH',
    country: 'DE',
    militaryUser: false,
    listed: false,
    ownedByListedPartiesPercent: 0,
    ...overrides,
  };
}
