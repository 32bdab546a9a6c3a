import fc from 'fast-check';
import { z } from 'zod';
import { ApplicationContent, SuppliedDocument } from '../application/application-content';
import { DraftApplicationData, RejectApplicationData } from '../application/application-commands';
import { ApplicationEvent } from '../application/application-events';
import { ApplicationContentInput, SuppliedDocumentInput } from '../application/application-input';
import { anIndividualApplication, aGeneralApplication } from '../application/application.fixtures';
import { anItem, aParty } from '../application/fixtures';
import { RecordShipmentData } from '../license/license-commands';
import * as measureCommands from '../policy/measure-commands';
import { ControlMeasureEvent, CorrectedFact, MeasurePublished } from '../policy/measure-events';
import { ControlledItemInput, CorrectedFactInput, PolicyRuleInput, ProvisionInput } from '../policy/measure-input';
import { ControlledItem, PolicyRule, Provision } from '../policy/provisions';
import { rareEarthPolicyHistory } from '../policy/seed/rare-earth-policy-history';
import { ID_MAX_LENGTH, LIST_LIMITS, NAME_MAX_LENGTH, TEXT_MAX_LENGTH } from './input-fields';
import { EndUse, Item, Party, Quantity } from './items';
import { EndUseInput, ItemInput, PartyInput, QuantityInput } from './items-input';

/** The JSON Schema of `schema` without the limits the command twins add. */
function withoutLimits(schema: z.ZodType): unknown {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key]) => !['maxLength', 'maxItems', 'pattern'].includes(key))
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  return strip(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }));
}

const commandForEvent: Record<ControlMeasureEvent['type'], z.ZodType> = {
  MeasurePublished: measureCommands.PublishMeasureData,
  MeasureAmended: measureCommands.AmendMeasureData,
  MeasureSuspended: measureCommands.SuspendMeasureData,
  SuspensionExtended: measureCommands.ExtendSuspensionData,
  SuspensionLifted: measureCommands.LiftSuspensionData,
  MeasureRepealed: measureCommands.RepealMeasureData,
  CorrectionRecorded: measureCommands.RecordCorrectionData,
};

describe('command inputs and the stored schemas they twin', () => {
  it.each<[string, z.ZodType, z.ZodType]>([
    ['Item', ItemInput, Item],
    ['Quantity', QuantityInput, Quantity],
    ['Party', PartyInput, Party],
    ['EndUse', EndUseInput, EndUse],
    ['ApplicationContent', ApplicationContentInput, ApplicationContent],
    ['SuppliedDocument', SuppliedDocumentInput, SuppliedDocument],
    ['ControlledItem', ControlledItemInput, ControlledItem],
    ['PolicyRule', PolicyRuleInput, PolicyRule],
    ['Provision', ProvisionInput, Provision],
    ['CorrectedFact', CorrectedFactInput, CorrectedFact],
  ])('%s: the command twin is the stored schema plus limits, nothing else', (_name, input, stored) => {
    expect(withoutLimits(input)).toEqual(withoutLimits(stored));
  });

  it('gives every policy command the fields of its event, with limits', () => {
    for (const option of ControlMeasureEvent.options) {
      const type = option.shape.type.value;
      expect([type, withoutLimits(commandForEvent[type])]).toEqual([type, withoutLimits(option.shape.data)]);
    }
  });

  it('fits the whole real policy history: a policy officer could send every seeded fact as a command', () => {
    for (const seed of rareEarthPolicyHistory()) {
      const result = commandForEvent[seed.event.type].safeParse(seed.event.data);
      expect([seed.eventId, result.error?.issues ?? []]).toEqual([seed.eventId, []]);
    }
  });

  it('still loads events stored before the limits, while the same facts as a command are refused', () => {
    const longId = `a${'x'.repeat(ID_MAX_LENGTH)}`;
    const application = anIndividualApplication({
      exporterId: 'exporter with spaces',
      endUser: aParty({ name: 'n'.repeat(NAME_MAX_LENGTH + 1) }),
      items: [anItem({ description: 'd'.repeat(TEXT_MAX_LENGTH + 1) })],
    });
    const drafted = {
      type: 'ApplicationDrafted',
      schemaVersion: 1,
      data: { applicationId: longId, application, draftedOn: '2026-01-05' },
    };
    expect(ApplicationEvent.safeParse(drafted).success).toBe(true);
    const refused = DraftApplicationData.safeParse({ applicationId: longId, application });
    expect(refused.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'application.endUser.name',
      'application.exporterId',
      'application.items.0.description',
      'applicationId',
    ]);

    const seeded = MeasurePublished.parse(rareEarthPolicyHistory()[0]?.event);
    const longTitle = { ...seeded, data: { ...seeded.data, title: 't'.repeat(NAME_MAX_LENGTH + 1) } };
    expect(MeasurePublished.safeParse(longTitle).success).toBe(true);
    expect(measureCommands.PublishMeasureData.safeParse(seeded.data).success).toBe(true);
    expect(measureCommands.PublishMeasureData.safeParse(longTitle.data).success).toBe(false);
  });
});

describe('list limits of commands', () => {
  const around = (max: number) => fc.integer({ min: Math.max(0, max - 3), max: max + 3 });

  it(`takes up to ${LIST_LIMITS.lines} application lines, at any length of text within the limits`, () => {
    fc.assert(
      fc.property(around(LIST_LIMITS.lines), fc.integer({ min: 1, max: TEXT_MAX_LENGTH }), (count, length) => {
        const items = Array.from({ length: count }, (_, i) =>
          anItem({ lineId: String(i + 1), description: 'd'.repeat(length) }),
        );
        const parsed = DraftApplicationData.safeParse({
          applicationId: 'app-1',
          application: aGeneralApplication({ items }),
        });
        return parsed.success === (count >= 1 && count <= LIST_LIMITS.lines);
      }),
      { numRuns: 30 },
    );
  });

  it(`takes up to ${LIST_LIMITS.reasons} rejection reasons and ${LIST_LIMITS.lines} shipment lines`, () => {
    fc.assert(
      fc.property(around(LIST_LIMITS.reasons), (count) => {
        const reasons = Array.from({ length: count }, () => 'r'.repeat(TEXT_MAX_LENGTH));
        return (
          RejectApplicationData.safeParse({ applicationId: 'app-1', reasons }).success === count <= LIST_LIMITS.reasons
        );
      }),
    );
    fc.assert(
      fc.property(around(LIST_LIMITS.lines), (count) => {
        const lines = Array.from({ length: count }, (_, i) => ({ lineId: String(i + 1), quantity: 1 }));
        const shipment = { licenseId: 'L-app-1', shipmentId: 'shp-1', lines, customsDeclarationRef: 'CD-1' };
        return RecordShipmentData.safeParse(shipment).success === (count >= 1 && count <= LIST_LIMITS.lines);
      }),
    );
  });
});
