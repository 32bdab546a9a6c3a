import { z } from 'zod';
import { ApplicationDecidedV1, ApplicationSubmittedV1 } from './application-events';
import { ControlMeasureChangedV1 } from './control-measure-events';
import {
  LicenseAmendedV1,
  LicenseExhaustedV1,
  LicenseExpiredV1,
  LicenseIssuedV1,
  LicenseReinstatedV1,
  LicenseRevokedV1,
  LicenseShipmentRecordedV1,
  LicenseSuspendedV1,
} from './license-events';
import { LicenseShipmentCancelledV1, LicenseShipmentCorrectedV1 } from './license-shipment-changes';
import { LicenseStateV1 } from './license-state';

/** Every versioned event on the event topics, discriminated by `type`. */
export const IntegrationEvent = z.discriminatedUnion('type', [
  ApplicationSubmittedV1,
  ApplicationDecidedV1,
  LicenseIssuedV1,
  LicenseAmendedV1,
  LicenseSuspendedV1,
  LicenseReinstatedV1,
  LicenseRevokedV1,
  LicenseExpiredV1,
  LicenseExhaustedV1,
  LicenseShipmentRecordedV1,
  LicenseShipmentCorrectedV1,
  LicenseShipmentCancelledV1,
  ControlMeasureChangedV1,
]);
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;
export type IntegrationEventType = IntegrationEvent['type'];

/** Anything a consumer can read from our topics: the events plus the compacted license state. */
export const ContractMessage = z.discriminatedUnion('type', [...IntegrationEvent.options, LicenseStateV1]);
export type ContractMessage = z.infer<typeof ContractMessage>;
export type ContractMessageType = ContractMessage['type'];
export type ContractMessageOf<Type extends ContractMessageType> = Extract<ContractMessage, { type: Type }>;

/** The schema of each message type, for validating one type or generating its JSON Schema. */
export const contractSchemas: { readonly [Type in ContractMessageType]: z.ZodType<ContractMessageOf<Type>> } = {
  'application.submitted': ApplicationSubmittedV1,
  'application.decided': ApplicationDecidedV1,
  'license.issued': LicenseIssuedV1,
  'license.amended': LicenseAmendedV1,
  'license.suspended': LicenseSuspendedV1,
  'license.reinstated': LicenseReinstatedV1,
  'license.revoked': LicenseRevokedV1,
  'license.expired': LicenseExpiredV1,
  'license.exhausted': LicenseExhaustedV1,
  'license.shipment-recorded': LicenseShipmentRecordedV1,
  'license.shipment-corrected': LicenseShipmentCorrectedV1,
  'license.shipment-cancelled': LicenseShipmentCancelledV1,
  'control-measure.changed': ControlMeasureChangedV1,
  'license.state': LicenseStateV1,
};

export const contractMessageTypes = Object.keys(contractSchemas) as ContractMessageType[];

export function isContractMessageType(type: string): type is ContractMessageType {
  return Object.prototype.hasOwnProperty.call(contractSchemas, type);
}

/** The schema version this package reads for each type; another version on a `.v1` topic is a contract breach. */
export const contractVersions: { readonly [Type in ContractMessageType]: ContractMessageOf<Type>['version'] } = {
  'application.submitted': 1,
  'application.decided': 1,
  'license.issued': 1,
  'license.amended': 1,
  'license.suspended': 1,
  'license.reinstated': 1,
  'license.revoked': 1,
  'license.expired': 1,
  'license.exhausted': 1,
  'license.shipment-recorded': 1,
  'license.shipment-corrected': 1,
  'license.shipment-cancelled': 1,
  'control-measure.changed': 1,
  'license.state': 1,
};
