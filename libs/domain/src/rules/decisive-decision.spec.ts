import { policySnapshot } from '../policy/policy-snapshot';
import { rareEarthPolicyHistory } from '../policy/seed/rare-earth-policy-history';
import { toRecordedPolicyEvents } from '../policy/seed/seed-policy-event';
import { decisiveDecision } from './decisive-decision';
import { evaluate } from './evaluate';
import { application, civilParty, experiencedExporter, samariumOxide } from './testing/evaluation-fixtures';

const snapshot = policySnapshot(toRecordedPolicyEvents(rareEarthPolicyHistory()), {
  validOn: '2026-11-20',
  knownAt: '2026-11-23T00:00:00Z',
});
const forEndUser = (name: string, overrides: Partial<ReturnType<typeof civilParty>> = {}) =>
  evaluate(
    application([samariumOxide], { licenseType: 'general', endUser: { ...civilParty(name), ...overrides } }),
    experiencedExporter,
    snapshot,
  );

describe('decisiveDecision: one record for an application evaluated once per end user', () => {
  it('given one clean evaluation per end user, when deciding, then the first end user stands for the application', () => {
    const records = [forEndUser('Motorenbau AG'), forEndUser('Windkraft GmbH')];
    expect(decisiveDecision(records)).toBe(records[0]);
  });

  it('given one end user that is a military user, when deciding, then its denial decides however many clean ones come first', () => {
    const records = [
      forEndUser('Motorenbau AG'),
      forEndUser('Werft', { militaryUser: true }),
      forEndUser('Windkraft GmbH'),
    ];
    const decisive = decisiveDecision(records);
    expect(decisive.verdict).toBe('deny');
    expect(decisive.inputs.application.endUser.name).toBe('Werft');
  });

  it('given a general application one end user makes ineligible, when deciding, then that record decides', () => {
    const clean = forEndUser('Motorenbau AG');
    const ineligible = {
      ...forEndUser('Windkraft GmbH'),
      generalLicense: { requested: true, eligible: false, reasons: ['not for this end user'] },
    };
    expect(decisiveDecision([clean, ineligible])).toBe(ineligible);
  });

  it('given no evaluation at all, when deciding, then it refuses with a clear code', () => {
    expect(() => decisiveDecision([])).toThrow(expect.objectContaining({ code: 'application.not_evaluable' }));
  });
});
