import { magnetApplication as walkthroughApplication, registerNingbo } from '@licensing/service-testing';
import { director, exporter, officer, reviewer, type ServiceUnderTest } from './service-under-test';

/** The service clock of the specs: every date below is relative to it. */
export const SPEC_NOW = '2026-11-23T02:00:00.000Z';

// The same requests as the licensing service's own specs and README walkthrough.
const magnetApplication = (applicationId: string) =>
  walkthroughApplication(applicationId, {
    contractRef: `CT-${applicationId}`,
    endUserCertificateRef: `EUC-${applicationId}`,
    endUseCertificateRef: `EUSE-${applicationId}`,
  });

/** Registers the exporter every story uses; once per service. */
export async function registerExporter(service: ServiceUnderTest): Promise<void> {
  await service.command('/exporters', exporter, registerNingbo);
}

/**
 * Drives one application through the HTTP API to a license and then
 * through one of four license lives, so the specs see every kind of license
 * message: shipments, suspension with and without an end date,
 * reinstatement, amendment, exhaustion and revocation. Returns the license id.
 */
export async function licenseStory(service: ServiceUnderTest, applicationId: string, variant: number): Promise<string> {
  await service.command('/applications', exporter, magnetApplication(applicationId));
  const application = (action: string, as = officer, body?: unknown) =>
    service.command(`/applications/${applicationId}/${action}`, as, body);
  await application('submit', exporter);
  await application('accept');
  await application('assign-reviewer', officer, { reviewerId: reviewer.id });
  await application('complete-review', reviewer, { recommendation: 'approve', notes: 'End user verified on site' });
  await application('approve', director);
  const issued = (await service.command('/licenses', officer, {
    applicationId,
    validFrom: '2026-11-23',
    validUntil: '2027-06-30',
  })) as { id: string };
  const licenseId = issued.id;
  const license = (action: string, as: typeof officer, body: unknown) =>
    service.command(`/licenses/${licenseId}/${action}`, as, body);
  const ship = (shipmentId: string, quantity: number) =>
    license('record-shipment', exporter, {
      shipmentId,
      lines: [{ lineId: '1', quantity }],
      customsDeclarationRef: `CD-${shipmentId}`,
    });
  switch (variant % 4) {
    case 0:
      await ship(`${applicationId}-s1`, 40);
      await license('suspend', officer, { reason: 'End-use check pending', until: '2027-01-15' });
      await license('reinstate', officer, { reason: 'End-use verified' });
      await license('amend', officer, { reason: 'Contract extended', validUntil: '2027-09-30' });
      break;
    case 1:
      await ship(`${applicationId}-s1`, 60);
      await ship(`${applicationId}-s2`, 40);
      break;
    case 2:
      await license('suspend', officer, { reason: 'Diversion suspected' });
      await license('revoke', officer, { reason: 'Diversion confirmed' });
      break;
    default:
      await license('amend', officer, { reason: 'Quantity reduced', quantities: [{ lineId: '1', quantity: 80 }] });
      await ship(`${applicationId}-s1`, 10);
  }
  return licenseId;
}

/** Submitted, then withdrawn: one public message (submitted), then events with none. */
export async function withdrawnApplication(service: ServiceUnderTest, applicationId: string): Promise<void> {
  await service.command('/applications', exporter, magnetApplication(applicationId));
  await service.command(`/applications/${applicationId}/submit`, exporter);
  await service.command(`/applications/${applicationId}/withdraw`, exporter, { reason: 'Order cancelled' });
}
