import { policySnapshot } from '../policy/policy-snapshot';
import { rareEarthPolicyHistory } from '../policy/seed/rare-earth-policy-history';
import { toRecordedPolicyEvents } from '../policy/seed/seed-policy-event';
import { DecisionRecord } from './decision-record';
import { evaluate } from './evaluate';
import {
  application,
  civilParty,
  experiencedExporter,
  holmiumMetal,
  item,
  samariumOxide,
  terbiumMagnet,
} from './testing/evaluation-fixtures';

const history = toRecordedPolicyEvents(rareEarthPolicyHistory());
const NOW = '2026-11-23T00:00:00Z';
/** 2026-11-20: No. 18 and, after the lapse of No. 70, No. 61 are in force. */
const snapshot = policySnapshot(history, { validOn: '2026-11-20', knownAt: NOW });

describe('evaluate: licensing', () => {
  it('is deterministic: same inputs and snapshot give a deep-equal record that passes the schema', () => {
    const app = application([samariumOxide, { ...terbiumMagnet, lineId: '2' }]);
    const first = evaluate(app, experiencedExporter, snapshot);
    const second = evaluate(
      structuredClone(app),
      structuredClone(experiencedExporter),
      policySnapshot(history, { validOn: '2026-11-20', knownAt: NOW }),
    );
    expect(second).toEqual(first);
    expect(DecisionRecord.parse(first)).toEqual(first);
  });

  it('records the policy position and every known measure with its version', () => {
    const record = evaluate(application([samariumOxide]), experiencedExporter, snapshot);
    expect(record).toMatchObject({ validOn: '2026-11-20', knownAt: NOW, applicationId: 'app-1' });
    expect(record.measures.find((m) => m.measureId === 'no-57-2025')).toEqual({
      measureId: 'no-57-2025',
      version: 2,
      title: 'Export control on five more medium and heavy rare earths',
      status: 'in_force',
      applies: false,
    });
  });

  it('explains per item which measure requires the license', () => {
    const record = evaluate(
      application([samariumOxide, { ...holmiumMetal, lineId: '2' }]),
      experiencedExporter,
      snapshot,
    );
    expect(record.outcomes.filter((o) => o.outcome === 'license_required')).toEqual([
      expect.objectContaining({
        measureId: 'no-18-2025',
        lineId: '1',
        reason: expect.stringMatching(/samarium oxide.*No\. 18 of 2025/),
      }),
      expect.objectContaining({
        measureId: 'no-57-2025',
        lineId: '2',
        reason: expect.stringMatching(/holmium metal.*No\. 57 of 2025/),
      }),
    ]);
    expect(record.reasons).toEqual([
      expect.stringContaining('Line 1 (samarium oxide, 1C902.b, oxide) needs a license under No. 18 of 2025'),
      expect.stringContaining('Line 2 (holmium metal, 1C909.a, metal) needs a license under No. 57 of 2025'),
    ]);
  });

  it('does not control a form the entry does not list', () => {
    const wrongForm = item({ controlCode: '1C902.b', element: 'samarium', form: 'metal', description: 'mislabelled' });
    expect(evaluate(application([wrongForm]), experiencedExporter, snapshot).verdict).toBe('not_controlled');
  });

  it('controls a foreign-made magnet at or above the 0.1 % de minimis share, not below it', () => {
    const at = (share: number) =>
      evaluate(
        application([terbiumMagnet], { chineseRareEarthValueSharePercent: share }),
        experiencedExporter,
        snapshot,
      );
    expect(at(0.1).licenseRequired).toBe(true);
    expect(at(0.09).licenseRequired).toBe(false);
    expect(at(0.09).outcomes).toContainEqual(
      expect.objectContaining({
        rule: 'clause-1.de_minimis',
        outcome: 'pass',
        reason: expect.stringContaining('below the 0.1 %'),
      }),
    );
  });

  it('controls a foreign item made with Chinese rare-earth technology (No. 61 clause 2)', () => {
    const record = evaluate(
      application([samariumOxide], { madeWithChineseRareEarthTechnology: true }),
      experiencedExporter,
      snapshot,
    );
    expect(record.outcomes).toContainEqual(
      expect.objectContaining({ rule: 'clause-2.foreign_direct_product', outcome: 'license_required' }),
    );
    expect(record.measures.filter((m) => m.applies).map((m) => m.measureId)).toEqual(['no-61-2025']);
  });
});

describe('evaluate: denial grounds and case-by-case review', () => {
  it('denies for a military end use under No. 61', () => {
    const record = evaluate(
      application([samariumOxide], { endUse: { category: 'military', description: 'missile guidance' } }),
      experiencedExporter,
      snapshot,
    );
    expect(record.verdict).toBe('deny');
    expect(record.denialGrounds).toEqual([
      expect.objectContaining({ ground: 'military_end_use', measureId: 'no-61-2025' }),
    ]);
  });

  it('denies for an end user 50 % owned by listed parties, and for a military consignee', () => {
    const record = evaluate(
      application([samariumOxide], {
        endUser: { ...civilParty('Front Co'), ownedByListedPartiesPercent: 50 },
        consignee: { ...civilParty('Depot'), militaryUser: true },
      }),
      experiencedExporter,
      snapshot,
    );
    expect(record.denialGrounds.map((g) => g.ground)).toEqual(['listed_party', 'military_end_user']);
    expect(record.reasons.at(-1)).toContain('Depot is a military user');
  });

  it('does not deny a 49 %-owned affiliate', () => {
    const record = evaluate(
      application([samariumOxide], { endUser: { ...civilParty('Almost'), ownedByListedPartiesPercent: 49 } }),
      experiencedExporter,
      snapshot,
    );
    expect(record.verdict).toBe('license_required');
  });

  it('flags advanced-semiconductor end uses for case-by-case review without denying', () => {
    const record = evaluate(
      application([terbiumMagnet], { endUse: { category: 'advanced_semiconductors', description: 'EUV stage' } }),
      experiencedExporter,
      snapshot,
    );
    expect(record.verdict).toBe('license_required');
    expect(record.caseByCaseReview).toEqual([expect.objectContaining({ measureId: 'no-61-2025' })]);
  });

  it('screens nothing when no item needs a license, and not while No. 61 is suspended', () => {
    const military = { endUse: { category: 'military' as const, description: 'x' } };
    expect(
      evaluate(application([item({ controlCode: '1C999.a', form: 'metal' })], military), experiencedExporter, snapshot)
        .verdict,
    ).toBe('not_controlled');
    const duringSuspension = policySnapshot(history, { validOn: '2026-03-01', knownAt: NOW });
    expect(evaluate(application([samariumOxide], military), experiencedExporter, duringSuspension)).toMatchObject({
      verdict: 'license_required',
      denialGrounds: [],
    });
  });
});

describe('evaluate: general license', () => {
  const general = application([samariumOxide], { licenseType: 'general' });

  it('is eligible when every condition in force is met, and says the conditions are unconfirmed', () => {
    const record = evaluate(general, experiencedExporter, snapshot);
    expect(record.generalLicense).toMatchObject({ requested: true, eligible: true });
    expect(record.generalLicense.reasons[0]).toMatch(/Order No\. 792.*unconfirmed/);
  });

  it('lists every unmet condition', () => {
    const novice = {
      ...experiencedExporter,
      complianceProgrammeCertified: false,
      dualUseExportYears: 1,
      penalisedWithinThreeYears: true,
      qualifiedForGeneralLicense: false,
    };
    const record = evaluate(general, novice, snapshot);
    expect(record.generalLicense.eligible).toBe(false);
    expect(record.generalLicense.reasons[0]).toEqual(
      expect.stringContaining(
        'no certified internal compliance programme; 1 years of dual-use export history, 2 required; penalised within the last three years',
      ),
    );
    expect(record.verdict).toBe('license_required');
  });

  it('is not eligible when nothing needs a license, and not requested for an individual license', () => {
    expect(
      evaluate(
        application([item({ controlCode: '1C999.a', form: 'metal' })], { licenseType: 'general' }),
        experiencedExporter,
        snapshot,
      ).generalLicense.eligible,
    ).toBe(false);
    expect(evaluate(application([samariumOxide]), experiencedExporter, snapshot).generalLicense).toEqual({
      requested: false,
      eligible: false,
      reasons: ['No general license was requested.'],
    });
  });
});
