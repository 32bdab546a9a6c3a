import { ControlledItem } from '../provisions';

/**
 * The three sub-items every rare-earth entry has in Nos. 18 and 57:
 * `.a` metal, alloys, targets and magnet materials; `.b` oxides and
 * mixtures; `.c` compounds and mixtures.
 */
export interface RareEarthEntry {
  readonly controlCode: string;
  readonly element: string;
  /** Set where our sources call the code probable but unconfirmed. */
  readonly note?: string;
}

const UNCONFIRMED = 'control code probable but unconfirmed in our sources';

export const NO_18_ELEMENTS: readonly RareEarthEntry[] = [
  { controlCode: '1C902', element: 'samarium' },
  { controlCode: '1C903', element: 'gadolinium' },
  { controlCode: '1C904', element: 'terbium' },
  { controlCode: '1C905', element: 'dysprosium', note: UNCONFIRMED },
  { controlCode: '1C906', element: 'lutetium', note: UNCONFIRMED },
  { controlCode: '1C907', element: 'scandium', note: UNCONFIRMED },
  { controlCode: '1C908', element: 'yttrium', note: UNCONFIRMED },
];

export const NO_57_ELEMENTS: readonly RareEarthEntry[] = [
  { controlCode: '1C909', element: 'holmium' },
  { controlCode: '1C910', element: 'erbium' },
  { controlCode: '1C911', element: 'thulium' },
  { controlCode: '1C912', element: 'europium' },
  { controlCode: '1C913', element: 'ytterbium', note: UNCONFIRMED },
];

function entry(e: RareEarthEntry, sub: 'a' | 'b' | 'c', forms: ControlledItem['forms'], what: string): ControlledItem {
  return {
    controlCode: `${e.controlCode}.${sub}`,
    element: e.element,
    forms,
    description: `${e.element}: ${what}`,
    ...(e.note !== undefined ? { note: e.note } : {}),
  };
}

export function rareEarthSubItems(elements: readonly RareEarthEntry[]): ControlledItem[] {
  return elements.flatMap((e) => [
    entry(e, 'a', ['metal', 'alloy', 'target', 'magnet_material'], 'metal, alloys, targets and magnet materials'),
    entry(e, 'b', ['oxide'], 'oxides and mixtures'),
    entry(e, 'c', ['compound'], 'compounds and mixtures'),
  ]);
}

/** Only the magnet-material and target forms: what No. 61's de minimis rule reaches abroad. */
export function rareEarthMagnetsAndTargets(elements: readonly RareEarthEntry[]): ControlledItem[] {
  return elements.map((e) => entry(e, 'a', ['magnet_material', 'target'], 'magnet materials and targets'));
}

/** Whole entries regardless of form, e.g. for screening rules. */
export function rareEarthEntriesAnyForm(elements: readonly RareEarthEntry[]): ControlledItem[] {
  return elements.map((e) => ({
    controlCode: e.controlCode,
    element: e.element,
    description: `${e.element}: all sub-items`,
    ...(e.note !== undefined ? { note: e.note } : {}),
  }));
}
