import { controlCodeCovers, CountryCode, Item } from '../shared/items';
import { ControlledItem, Provision } from '../policy/provisions';

/**
 * Does an application item fall under one controlled-item line? The control
 * code is the identifier; element, form and destination narrow it. An item
 * that does not state its element is matched on its code alone, because the
 * code already names the element.
 */
export function controlledItemMatches(entry: ControlledItem, item: Item, destination: CountryCode): boolean {
  if (entry.controlCode !== undefined && !controlCodeCovers(entry.controlCode, item.controlCode)) return false;
  if (entry.element !== undefined) {
    if (item.element === undefined ? entry.controlCode === undefined : item.element !== entry.element) return false;
  }
  if (entry.forms !== undefined && !entry.forms.includes(item.form)) return false;
  return entry.destinations === undefined || entry.destinations.includes(destination);
}

/** The first line of the provision that covers the item, if any. */
export function matchingLine(provision: Provision, item: Item, destination: CountryCode): ControlledItem | undefined {
  return provision.controls.find((entry) => controlledItemMatches(entry, item, destination));
}

export function describeItem(item: Item): string {
  return `Line ${item.lineId} (${item.description}, ${item.controlCode}, ${item.form})`;
}
