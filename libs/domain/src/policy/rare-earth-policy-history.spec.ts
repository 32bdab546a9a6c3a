import { Item } from '../shared/items';
import { evaluate } from '../rules/evaluate';
import {
  application,
  experiencedExporter,
  holmiumMetal,
  item,
  samariumOxide,
  terbiumMagnet,
} from '../rules/testing/evaluation-fixtures';
import { policySnapshot, RecordedPolicyEvent } from './policy-snapshot';
import { rareEarthPolicyHistory } from './seed/rare-earth-policy-history';
import { toRecordedPolicyEvents } from './seed/seed-policy-event';

/**
 * Acceptance: the real policy history, built from the seed events only,
 * answers "which measures controlled this item on this date, as known then".
 */
const history = toRecordedPolicyEvents(rareEarthPolicyHistory());
const NOW = '2026-11-23T00:00:00Z';

function decide(
  items: Item[],
  validOn: string,
  knownAt = NOW,
  events: readonly RecordedPolicyEvent[] = history,
  destination = 'DE',
) {
  const record = evaluate(
    application(items, { destination }),
    experiencedExporter,
    policySnapshot(events, { validOn, knownAt }),
  );
  return {
    verdict: record.verdict,
    licenseRequired: record.licenseRequired,
    appliedMeasures: record.measures.filter((m) => m.applies).map((m) => m.measureId),
    status: (measureId: string) => record.measures.find((m) => m.measureId === measureId)?.status,
    record,
  };
}

const controlledBy = (measureId: string) => ({
  verdict: 'license_required',
  licenseRequired: true,
  appliedMeasures: [measureId],
});
const notControlled = { verdict: 'not_controlled', licenseRequired: false, appliedMeasures: [] };

describe('rare-earth policy history: which measures apply, as known now', () => {
  it.each(['2025-06-01', '2025-11-09', '2026-03-01', '2026-11-20'])(
    'samarium oxide (1C902.b) is controlled by No. 18 on %s',
    (validOn) => {
      expect(decide([samariumOxide], validOn)).toMatchObject(controlledBy('no-18-2025'));
    },
  );

  it.each(['2025-06-01', '2025-11-09', '2026-03-01', '2026-11-20'])(
    'Tb-bearing NdFeB magnet material (1C904.a) is controlled by No. 18 on %s',
    (validOn) => {
      expect(decide([terbiumMagnet], validOn)).toMatchObject(controlledBy('no-18-2025'));
    },
  );

  it('holmium metal (1C909.a) is not controlled on 2025-06-01: No. 57 was not yet published', () => {
    const d = decide([holmiumMetal], '2025-06-01');
    expect(d).toMatchObject(notControlled);
    expect(d.status('no-57-2025')).toBe('not_yet_published');
  });

  it.each(['2025-11-09', '2026-03-01'])('holmium metal is not controlled on %s: No. 70 suspends No. 57', (validOn) => {
    const d = decide([holmiumMetal], validOn);
    expect(d).toMatchObject(notControlled);
    expect(d.status('no-57-2025')).toBe('suspended');
    expect(d.record.outcomes).toContainEqual(
      expect.objectContaining({ measureId: 'no-57-2025', reason: expect.stringContaining('suspended by no-70-2025') }),
    );
  });

  it('holmium metal is controlled by No. 57 on 2026-11-20: the suspension lapsed by itself', () => {
    expect(decide([holmiumMetal], '2026-11-20')).toMatchObject(controlledBy('no-57-2025'));
  });

  it('No. 70 convention: suspended on 2026-11-09, in force again on its until date 2026-11-10', () => {
    expect(decide([holmiumMetal], '2026-11-09')).toMatchObject(notControlled);
    expect(decide([holmiumMetal], '2026-11-10')).toMatchObject(controlledBy('no-57-2025'));
  });

  it('No. 18 stays in force throughout No. 70', () => {
    expect(decide([samariumOxide], '2025-11-07').status('no-18-2025')).toBe('in_force');
  });
});

describe('rare-earth policy history: a late correction (HYPOTHETICAL test fact, not in the seed)', () => {
  // HYPOTHETICAL: on 2026-11-21 we learn that No. 70's suspension of No. 57 was in fact
  // extended to 2027-11-10. Our sources do not say this; it only exercises bitemporality.
  const hypotheticalCorrection: RecordedPolicyEvent = {
    measureId: 'no-57-2025',
    revision: 2,
    recordedAt: '2026-11-21T00:00:00Z',
    event: {
      type: 'CorrectionRecorded',
      schemaVersion: 1,
      data: {
        measureId: 'no-57-2025',
        correction: { field: 'suspension.until', suspensionId: 'no-70-2025', value: '2027-11-10' },
        reason: 'HYPOTHETICAL test fact: suspension extended to 2027-11-10',
        correctsRevision: 1,
      },
    },
  };
  const corrected = [...history, hypotheticalCorrection];

  it('holmium metal on 2026-11-20 is not controlled as known now', () => {
    const d = decide([holmiumMetal], '2026-11-20', NOW, corrected);
    expect(d).toMatchObject(notControlled);
    expect(d.status('no-57-2025')).toBe('suspended');
  });

  it('but was controlled as known on 2026-11-20T12:00:00Z, before the correction was recorded', () => {
    expect(decide([holmiumMetal], '2026-11-20', '2026-11-20T12:00:00Z', corrected)).toMatchObject(
      controlledBy('no-57-2025'),
    );
  });

  it('the measure version counts the correction only once it is known', () => {
    const version = (knownAt: string) =>
      decide([holmiumMetal], '2026-11-20', knownAt, corrected).record.measures.find((m) => m.measureId === 'no-57-2025')
        ?.version;
    expect(version('2026-11-20T12:00:00Z')).toBe(2);
    expect(version(NOW)).toBe(3);
  });
});

describe('rare-earth policy history: No. 72 is an independent suspension window', () => {
  const gallium = item({ controlCode: '1C901.a', element: 'gallium', form: 'metal', description: 'gallium metal' });

  it('No. 46 applies to gallium to the US before No. 72, and not to other destinations', () => {
    expect(decide([gallium], '2025-11-08', NOW, history, 'US')).toMatchObject(controlledBy('no-46-2024'));
    expect(decide([gallium], '2025-11-08', NOW, history, 'DE')).toMatchObject(notControlled);
  });

  it('No. 46 is still suspended on 2026-11-20, when No. 70 has already lapsed', () => {
    const d = decide([gallium, { ...holmiumMetal, lineId: '2' }], '2026-11-20', NOW, history, 'US');
    expect(d.status('no-46-2024')).toBe('suspended');
    expect(d.status('no-57-2025')).toBe('in_force');
    expect(d.appliedMeasures).toEqual(['no-57-2025']);
  });

  it('suspended through 2026-11-26 and in force again on its until date 2026-11-27', () => {
    expect(decide([gallium], '2026-11-26', NOW, history, 'US')).toMatchObject(notControlled);
    expect(decide([gallium], '2026-11-27', NOW, history, 'US')).toMatchObject(controlledBy('no-46-2024'));
  });
});

describe('rare-earth policy history: No. 61 clause dates', () => {
  const provisionIds = (validOn: string) =>
    policySnapshot(history, { validOn, knownAt: NOW }).measures.find((m) => m.measureId === 'no-61-2025');

  it('clause 3 is in force on publication (2025-10-09); clauses 1–2 are not yet', () => {
    const m = provisionIds('2025-10-09');
    expect(m?.status).toBe('in_force');
    expect(m?.provisionsInForce.map((p) => p.provisionId)).toEqual(['clause-3']);
  });

  it('the whole measure is suspended from 2025-11-07, including over 2025-12-01', () => {
    expect(provisionIds('2025-12-01')?.status).toBe('suspended');
  });

  it('all three clauses are in force once the suspension lapses', () => {
    expect(provisionIds('2026-11-20')?.provisionsInForce.map((p) => p.provisionId)).toEqual([
      'clause-1',
      'clause-2',
      'clause-3',
    ]);
  });

  it('the 0.1 % de minimis rule reaches a foreign-made magnet on 2026-11-20', () => {
    const foreignMagnet = application([terbiumMagnet], { chineseRareEarthValueSharePercent: 0.2 });
    const at = (validOn: string) =>
      evaluate(foreignMagnet, experiencedExporter, policySnapshot(history, { validOn, knownAt: NOW }));
    expect(at('2026-11-20')).toMatchObject({ verdict: 'license_required', licenseRequired: true });
    expect(
      at('2026-11-20')
        .measures.filter((m) => m.applies)
        .map((m) => m.measureId),
    ).toEqual(['no-61-2025']);
    expect(at('2026-03-01').verdict).toBe('not_controlled');
  });
});
