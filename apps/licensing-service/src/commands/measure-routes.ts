import {
  AmendMeasureData,
  ExtendSuspensionData,
  LiftSuspensionData,
  PublishMeasureData,
  RecordCorrectionData,
  RepealMeasureData,
  SuspendMeasureData,
} from '@licensing/domain';
import { controlMeasures } from '@licensing/workflow';
import { type CommandRoute, domainRoute } from './command-route';

const measure = { resource: 'control-measures', aggregate: controlMeasures, idField: 'measureId' } as const;

export const measureRoutes: CommandRoute[] = [
  domainRoute({
    ...measure,
    action: null,
    commandType: 'PublishMeasure',
    data: PublishMeasureData,
    summary: 'Record a published control measure',
  }),
  domainRoute({
    ...measure,
    action: 'amend',
    commandType: 'AmendMeasure',
    data: AmendMeasureData,
    summary: 'Amend provisions from a date',
  }),
  domainRoute({
    ...measure,
    action: 'suspend',
    commandType: 'SuspendMeasure',
    data: SuspendMeasureData,
    summary: 'Suspend the measure until a date (exclusive)',
  }),
  domainRoute({
    ...measure,
    action: 'extend-suspension',
    commandType: 'ExtendSuspension',
    data: ExtendSuspensionData,
    summary: 'Extend a suspension',
  }),
  domainRoute({
    ...measure,
    action: 'lift-suspension',
    commandType: 'LiftSuspension',
    data: LiftSuspensionData,
    summary: 'Lift a suspension early',
  }),
  domainRoute({
    ...measure,
    action: 'repeal',
    commandType: 'RepealMeasure',
    data: RepealMeasureData,
    summary: 'Repeal the measure',
  }),
  domainRoute({
    ...measure,
    action: 'record-correction',
    commandType: 'RecordCorrection',
    data: RecordCorrectionData,
    summary: 'Record a late correction (bitemporal: known from now, valid from its date)',
  }),
];
