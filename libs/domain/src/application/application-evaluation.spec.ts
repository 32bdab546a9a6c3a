import { fold } from '../shared/decider';
import { applicationDecider } from './application-decider';
import { ApplicationEvent } from './application-events';
import {
  applicationFactsForLicense,
  applicationForEvaluation,
  applicationsForEvaluation,
} from './application-evaluation';
import {
  accepted,
  aGeneralApplication,
  anIndividualApplication,
  APPLICATION_ID,
  drafted,
  submitted,
} from './application.fixtures';
import { anItem, aParty } from './fixtures';

const stateOf = (events: ApplicationEvent[]) => fold(applicationDecider, events);

describe('applicationForEvaluation', () => {
  it('gives evaluate() the facts of a submitted application', () => {
    expect(applicationForEvaluation(stateOf([drafted(), submitted()]))).toEqual({
      applicationId: APPLICATION_ID,
      exporterId: 'exp-1',
      licenseType: 'individual',
      items: [anItem()],
      consignee: aParty({ name: 'Hamburg Import GmbH' }),
      endUser: aParty(),
      endUse: { category: 'civil', description: 'Traction motors for electric vehicles' },
      destination: 'DE',
    });
  });

  it('carries the Chinese rare-earth value share of a foreign-made item', () => {
    const application = anIndividualApplication({ chineseRareEarthValueSharePercent: 0.4 });
    const input = applicationForEvaluation(stateOf([drafted(application), submitted(application), accepted]));
    expect(input.chineseRareEarthValueSharePercent).toBe(0.4);
  });

  it('gives one input per end user of a general application', () => {
    const application = aGeneralApplication();
    const inputs = applicationsForEvaluation(stateOf([drafted(application), submitted(application)]));
    expect(inputs.map((input) => input.endUser.name)).toEqual(['Stuttgart Motors GmbH', 'Lyon Moteurs SA']);
  });

  it('refuses a draft, which is not yet an application to evaluate', () => {
    expect(() => applicationForEvaluation(stateOf([drafted()]))).toThrow(
      /Only a submitted application can be evaluated; this one is draft/,
    );
  });
});

describe('applicationFactsForLicense', () => {
  it('reports the status, items and every end user for IssueLicense', () => {
    const application = aGeneralApplication();
    expect(applicationFactsForLicense(stateOf([drafted(application), submitted(application)]))).toEqual({
      applicationId: APPLICATION_ID,
      exporterId: 'exp-1',
      status: 'submitted',
      licenseType: 'general',
      items: [anItem()],
      endUsers: [aParty(), aParty({ name: 'Lyon Moteurs SA', country: 'FR' })],
    });
  });
});
