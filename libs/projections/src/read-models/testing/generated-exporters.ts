import { randomUUID } from 'node:crypto';
import { addDays, exporterStreamId, type LegalDate } from '@licensing/domain';
import { at, type DecidedEvent } from './decided-events';

export const EXPORTER_CITIES = ['Ningbo', 'Baotou', 'Ganzhou', 'Xiamen', 'Changsha', 'Chengdu', 'Baiyin'] as const;
export const EXPORTER_TRADES = ['Magnetics', 'Rare Earth', 'Materials', 'Metals', 'Trading'] as const;

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;

/** The registration date of the n-th generated exporter: spread over about eight years. */
export const registeredOnOf = (n: number): LegalDate => addDays('2018-01-01', (n * 37) % 3000);
/** Every third qualifies for general licenses; of those, every seventh is disqualified later. */
export const standingOf = (n: number) =>
  n % 3 !== 0 ? 'not_qualified' : n % 7 === 0 ? 'disqualified' : ('qualified' as const);

/**
 * Registrations of `count` exporters `exp-g0` … (the ids the generated
 * cases use), with names, dates and general-license standing spread
 * deterministically by the exporter's number. Written directly, like the
 * generated cases: the deciders' rules are not what a list must measure.
 */
export function generatedExporters(count: number, offset = 0): DecidedEvent[] {
  const events: DecidedEvent[] = [];
  for (let n = offset; n < offset + count; n++) {
    const exporterId = `exp-g${n}`;
    const registeredOn = registeredOnOf(n);
    const push = (type: string, data: Record<string, unknown>, on: LegalDate) =>
      events.push({
        streamId: exporterStreamId(exporterId),
        id: randomUUID(),
        type,
        version: 1,
        data: { exporterId, ...data },
        metadata: {
          actor: 'officer-g',
          role: 'licensing_officer',
          commandId: `${exporterId}/${type}`,
          correlationId: exporterId,
          causationId: exporterId,
          occurredAt: at(on),
          recordedAt: at(on),
        },
      });
    push(
      'ExporterRegistered',
      {
        name: `${pick(EXPORTER_CITIES, n)} ${pick(EXPORTER_TRADES, n)} Co. No. ${n}`,
        unifiedSocialCreditCode: `913302${String(n).padStart(12, '0')}`,
        country: 'CN',
        dualUseExportsSince: addDays(registeredOn, -400),
        licensedExportsLastThreeYears: n % 5,
        registeredOn,
      },
      registeredOn,
    );
    const standing = standingOf(n);
    if (standing === 'not_qualified') continue;
    const qualifiedOn = addDays(registeredOn, 30);
    push('QualifiedForGeneralLicenses', { qualifiedOn }, qualifiedOn);
    if (standing === 'disqualified')
      push(
        'DisqualifiedFromGeneralLicenses',
        { reason: 'Penalty', disqualifiedOn: addDays(qualifiedOn, 60) },
        addDays(qualifiedOn, 60),
      );
  }
  return events;
}
