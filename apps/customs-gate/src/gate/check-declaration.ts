import type { LegalDate, LicenseStateSnapshot } from '@licensing/contracts';
import type { CustomsDeclaration, DeclaredParty } from './declaration';
import type { GateLicenseBook } from './gate-license-book';
import { licenseRefusalOn } from './license-usability';
import { type RefusalCode, type Refusal, refusal } from './refusals';

export interface GateVerdict {
  readonly verdict: 'release' | 'refuse';
  /** Empty on release; one sentence per refusal otherwise, in `codes` order. */
  readonly reasons: string[];
  readonly codes: RefusalCode[];
  /** The snapshot the verdict rests on, so a dispute can name what the gate knew; null for an unknown license. */
  readonly basis: {
    readonly licenseId: string;
    readonly version: number;
    readonly lastPosition: string;
    readonly lastEventId: string;
  } | null;
}

/**
 * The gate's rule: release only when the license is known, belongs to the
 * declaring exporter, may be used on `today`, and covers every declared line
 * within what remains. Every refusal found is reported, not just the first,
 * so the exporter can fix the declaration in one go. Pure: the date is passed in.
 */
export function checkDeclaration(
  book: GateLicenseBook,
  declaration: CustomsDeclaration,
  today: LegalDate,
): GateVerdict {
  const license = book.get(declaration.licenseId);
  if (license === undefined) {
    return verdictOf(
      [
        refusal(
          'gate.unlicensed',
          `The gate knows no license ${declaration.licenseId}: the goods are unlicensed. Check the license number; a license issued moments ago may still be on its way.`,
        ),
      ],
      null,
    );
  }
  const refusals = [
    ...exporterRefusals(license, declaration),
    ...nullable(licenseRefusalOn(license, today)),
    ...partyRefusals(license, declaration),
    ...lineRefusals(license, declaration),
  ];
  return verdictOf(refusals, license);
}

function verdictOf(refusals: readonly Refusal[], license: LicenseStateSnapshot | null): GateVerdict {
  return {
    verdict: refusals.length === 0 ? 'release' : 'refuse',
    reasons: refusals.map((r) => r.reason),
    codes: refusals.map((r) => r.code),
    basis:
      license === null
        ? null
        : {
            licenseId: license.licenseId,
            version: license.version,
            lastPosition: license.lastPosition,
            lastEventId: license.lastEventId,
          },
  };
}

const nullable = <T>(value: T | null): T[] => (value === null ? [] : [value]);

function exporterRefusals(license: LicenseStateSnapshot, declaration: CustomsDeclaration): Refusal[] {
  if (license.exporterId === declaration.exporterId) return [];
  return [
    refusal(
      'gate.exporter_mismatch',
      `License ${license.licenseId} was issued to exporter ${license.exporterId}, not ${declaration.exporterId}; a license cannot be lent.`,
    ),
  ];
}

/** Names compare ignoring case and spacing: declarations are typed by hand. */
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

function partyRefusals(license: LicenseStateSnapshot, declaration: CustomsDeclaration): Refusal[] {
  const refusals: Refusal[] = [];
  const countries = [...new Set(license.endUsers.map((u) => u.country))];
  if (declaration.consigneeCountry !== undefined && !countries.includes(declaration.consigneeCountry)) {
    refusals.push(
      refusal(
        'gate.destination_not_licensed',
        `License ${license.licenseId} covers end users in ${countries.join(', ')}, not a consignee in ${declaration.consigneeCountry}.`,
      ),
    );
  }
  const endUser = declaration.endUser;
  if (endUser !== undefined && !license.endUsers.some((u) => sameParty(u, endUser))) {
    refusals.push(
      refusal(
        'gate.end_user_not_licensed',
        `${endUser.name} (${endUser.country}) is not an end user on license ${license.licenseId}; it names ${license.endUsers
          .map((u) => `${u.name} (${u.country})`)
          .join(', ')}.`,
      ),
    );
  }
  return refusals;
}

function sameParty(a: DeclaredParty, b: DeclaredParty): boolean {
  return a.country === b.country && normalName(a.name) === normalName(b.name);
}

/** Decimal quantities: rounding keeps 0.1 + 0.2 from exceeding 0.3 (the domain rounds the same way). */
const roundQuantity = (value: number) => Math.round(value * 1e6) / 1e6;

function lineRefusals(license: LicenseStateSnapshot, declaration: CustomsDeclaration): Refusal[] {
  const refusals: Refusal[] = [];
  // Two declaration lines may draw on the same license line: their sum must fit.
  const requested = new Map<string, number>();
  const unknown = new Set<string>();
  for (const line of declaration.lines) {
    const licensed = license.lines.find((l) => l.lineId === line.lineId);
    if (licensed === undefined) {
      if (!unknown.has(line.lineId)) {
        refusals.push(
          refusal(
            'gate.line_unknown',
            `License ${license.licenseId} has no line ${line.lineId}; its lines are ${license.lines.map((l) => l.lineId).join(', ')}.`,
          ),
        );
      }
      unknown.add(line.lineId);
      continue;
    }
    if (line.unit !== undefined && line.unit !== licensed.remaining.unit) {
      refusals.push(
        refusal(
          'gate.unit_mismatch',
          `Line ${line.lineId} of license ${license.licenseId} is licensed in ${licensed.remaining.unit}; declare it in ${licensed.remaining.unit}, not ${line.unit}.`,
        ),
      );
    }
    requested.set(line.lineId, roundQuantity((requested.get(line.lineId) ?? 0) + line.quantity));
  }
  for (const licensed of license.lines) {
    const quantity = requested.get(licensed.lineId);
    if (quantity === undefined || quantity <= roundQuantity(licensed.remaining.amount)) continue;
    const { amount, unit } = licensed.remaining;
    refusals.push(
      refusal(
        'gate.quantity_exceeds_remaining',
        `Line ${licensed.lineId}: ${amount} ${unit} remain on license ${license.licenseId} (of ${licensed.authorised.amount} ${licensed.authorised.unit}), but ${quantity} ${unit} are declared.`,
      ),
    );
  }
  return refusals;
}
