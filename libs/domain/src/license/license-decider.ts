import { assertNever, Decider } from '../shared/decider';
import { LicenseCommand } from './license-commands';
import { expire, reinstate, revoke, suspend } from './license-decide-lifecycle';
import { amend, issue } from './license-decide-issue';
import { recordShipment } from './license-decide-shipment';
import { cancelShipment, correctShipment } from './license-decide-shipment-correction';
import {
  approveAmendment,
  assignAmendmentReviewer,
  completeAmendmentReview,
  rejectAmendment,
  requestAmendment,
} from './license-decide-amendment-request';
import { LicenseEvent } from './license-events';
import { evolveLicense, initialLicenseState, LicenseState } from './license-state';

export function decideLicense(command: LicenseCommand, state: LicenseState): LicenseEvent[] {
  switch (command.type) {
    case 'IssueLicense':
      return issue(command, state);
    case 'RecordShipment':
      return recordShipment(command, state);
    case 'CorrectShipment':
      return correctShipment(command, state);
    case 'CancelShipment':
      return cancelShipment(command, state);
    case 'AmendLicense':
      return amend(command, state);
    case 'RequestAmendment':
      return requestAmendment(command, state);
    case 'AssignAmendmentReviewer':
      return assignAmendmentReviewer(command, state);
    case 'CompleteAmendmentReview':
      return completeAmendmentReview(command, state);
    case 'ApproveAmendment':
      return approveAmendment(command, state);
    case 'RejectAmendment':
      return rejectAmendment(command, state);
    case 'SuspendLicense':
      return suspend(command, state);
    case 'ReinstateLicense':
      return reinstate(command, state);
    case 'RevokeLicense':
      return revoke(command, state);
    case 'ExpireLicense':
      return expire(command, state);
    default:
      return assertNever(command, 'license command');
  }
}

export const licenseDecider: Decider<LicenseCommand, LicenseEvent, LicenseState> = {
  initialState: initialLicenseState,
  evolve: evolveLicense,
  decide: decideLicense,
};
