import { ApplicationForEvaluation } from '../rules/decision-record';
import type { ApplicationContent } from '../application/application-content';
import { AmendmentChanges } from './license-amendment-events';
import { LicenseRecord } from './license-state';

/**
 * What the rule evaluation reads for an amendment request: the export the
 * license would authorise once amended. Items and end users are the
 * license's with the requested changes; the parties, end use and
 * destination are the application's the license was issued on. One input
 * per end user, so every end user is screened, as for an approval.
 */
export function amendedLicenseForEvaluation(
  application: ApplicationContent,
  license: LicenseRecord,
  changes: AmendmentChanges,
): ApplicationForEvaluation[] {
  const quantities = new Map((changes.quantities ?? []).map((q) => [q.lineId, q.quantity]));
  const items = license.lines.map(({ item }) => ({
    ...item,
    quantity: { ...item.quantity, amount: quantities.get(item.lineId) ?? item.quantity.amount },
  }));
  const share = application.chineseRareEarthValueSharePercent;
  const base = {
    applicationId: license.applicationId,
    exporterId: license.exporterId,
    licenseType: license.licenseType,
    items,
    consignee: application.consignee,
    endUse: application.endUse,
    destination: application.destination,
    ...(share === undefined ? {} : { chineseRareEarthValueSharePercent: share }),
  };
  return (changes.endUsers ?? license.endUsers).map((endUser) => ({ ...base, endUser }));
}
