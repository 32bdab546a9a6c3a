import {
  director,
  exporterUser,
  issuedLicense,
  officer,
  otherExporterUser,
  registerBaotou,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';

/**
 * Issue 13's missing steps for a license, over HTTP on the embedded service:
 * a recorded shipment corrected and cancelled (quantities re-computed and
 * restored, the customs reference kept), and an exporter's amendment
 * request reviewed and decided like an application, the license showing it.
 */
describe('shipment corrections and amendment requests over HTTP', () => {
  const service = new RunningService();
  let client: ServiceClient;
  let licenseId: string;

  beforeAll(async () => {
    client = await service.start(NOW);
    licenseId = await issuedLicense(client, 'app-steps', '2026-11-23', '2027-11-22');
  });
  afterAll(() => service.dispose());

  const act = (action: string, as: Parameters<ServiceClient['post']>[1], body: unknown) =>
    client.post(`/licenses/${licenseId}/${action}`, as, body);
  const license = async () => (await client.get(`/licenses/${licenseId}`, officer)).body;

  it('corrects a shipment and cancels another: remaining quantities follow, the customs references stay', async () => {
    const ship = (shipmentId: string, quantity: number) =>
      act('record-shipment', exporterUser, {
        shipmentId,
        lines: [{ lineId: '1', quantity }],
        customsDeclarationRef: `CD-${shipmentId}`,
      });
    expect((await ship('shp-a', 30)).status).toBe(200);
    expect((await ship('shp-b', 20)).status).toBe(200);

    const corrected = await act('correct-shipment', exporterUser, {
      shipmentId: 'shp-a',
      lines: [{ lineId: '1', quantity: 25 }],
      reason: 'Customs weighed 25 kg',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.events.map((e: { type: string }) => e.type)).toEqual(['ShipmentCorrected']);
    const cancelled = await act('cancel-shipment', officer, { shipmentId: 'shp-b', reason: 'The goods never left' });
    expect(cancelled.status).toBe(200);

    const view = await license();
    expect(view.items[0]).toMatchObject({ licensed: 100, shipped: 25, remaining: 75 });
    expect(
      view.shipments.map((s: Record<string, unknown>) => [s['shipmentId'], s['status'], s['customsDeclarationRef']]),
    ).toEqual([
      ['shp-a', 'corrected', 'CD-shp-a'],
      ['shp-b', 'cancelled', 'CD-shp-b'],
    ]);
    expect(view.shipments[0].recordedLines).toEqual([{ lineId: '1', quantity: 30 }]);
    expect(view.history.slice(-2).map((h: { type: string; actor: string }) => [h.type, h.actor])).toEqual([
      ['ShipmentCorrected', exporterUser.id],
      ['ShipmentCancelled', officer.id],
    ]);
  });

  it('refuses a second cancellation, an unknown shipment and a correction over the licensed quantity, storing nothing', async () => {
    const before = (await license()).revision;
    const twice = await act('cancel-shipment', exporterUser, { shipmentId: 'shp-b', reason: 'Again' });
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'license.shipment_cancelled',
    });
    const unknown = await act('cancel-shipment', exporterUser, { shipmentId: 'shp-zz', reason: 'Which?' });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({
      status: 404,
      code: 'license.unknown_shipment',
    });
    const over = await act('correct-shipment', exporterUser, {
      shipmentId: 'shp-a',
      lines: [{ lineId: '1', quantity: 101 }],
      reason: 'Typo',
    });
    expect({ status: over.status, code: over.body.code }).toEqual({ status: 422, code: 'license.quantity_exceeded' });
    expect((await license()).revision).toBe(before);
  });

  it("hides another exporter's license from an exporter's correction: 404, as if it did not exist", async () => {
    await client.post('/exporters', otherExporterUser, registerBaotou);
    const reply = await act('cancel-shipment', otherExporterUser, { shipmentId: 'shp-a', reason: 'Not mine' });
    expect({ status: reply.status, code: reply.body.code }).toEqual({ status: 404, code: 'license.not_found' });
  });

  it('takes an amendment request from the exporter to an approval with a decision record, and the license shows both', async () => {
    const amd = { amendmentRequestId: 'amd-1' };
    const requested = await act('request-amendment', exporterUser, {
      ...amd,
      changes: { quantities: [{ lineId: '1', quantity: 150 }], validUntil: '2027-06-30' },
      reason: 'The contract grew to 150 kg',
    });
    expect(requested.status).toBe(200);
    expect((await act('assign-amendment-reviewer', officer, { ...amd, reviewerId: reviewer.id })).status).toBe(200);

    // The assigned reviewer reads the license to review it; the exporter's own officer reads it too.
    expect((await client.get(`/licenses/${licenseId}`, reviewer)).status).toBe(200);
    const review = await act('complete-amendment-review', reviewer, {
      ...amd,
      recommendation: 'approve',
      notes: 'Seen',
    });
    expect(review.status).toBe(200);

    // Four eyes: an officer with the reviewer's id may not decide the review; another officer may.
    const sameId = await act('approve-amendment', { id: reviewer.id, role: 'licensing_officer' }, amd);
    expect({ status: sameId.status, code: sameId.body.code }).toEqual({ status: 403, code: 'license.four_eyes' });
    const approved = await act('approve-amendment', director, amd);
    expect(approved.status).toBe(200);
    expect(approved.body.events.map((e: { type: string }) => e.type)).toEqual(['AmendmentApproved', 'LicenseAmended']);

    const view = await license();
    expect(view).toMatchObject({ validUntil: '2027-06-30' });
    expect(view.items[0]).toMatchObject({ licensed: 150, shipped: 25, remaining: 125 });
    const [request] = view.amendmentRequests;
    expect(request).toMatchObject({
      amendmentRequestId: 'amd-1',
      status: 'approved',
      requestedBy: exporterUser.id,
      reviewerId: reviewer.id,
      review: { recommendation: 'approve', reviewerId: reviewer.id },
      decision: { outcome: 'approved', approverId: director.id },
    });
    // The record is the rule evaluation of the license as amended, on the day of the approval.
    expect(request.decision.record).toMatchObject({
      applicationId: 'app-steps',
      validOn: '2026-11-23',
      verdict: 'license_required',
    });
    expect(request.decision.record.inputs.application.items[0].quantity.amount).toBe(150);
  });

  it('refuses a review by a reviewer not assigned (404: not theirs) and rejects a second request with reasons', async () => {
    const amd = { amendmentRequestId: 'amd-2' };
    await act('request-amendment', exporterUser, { ...amd, changes: { validUntil: '2027-09-30' }, reason: 'Delay' });
    await act('assign-amendment-reviewer', officer, { ...amd, reviewerId: 'zhou.bo' });
    const notAssigned = await act('complete-amendment-review', reviewer, {
      ...amd,
      recommendation: 'approve',
      notes: '',
    });
    expect({ status: notAssigned.status, code: notAssigned.body.code }).toEqual({
      status: 404,
      code: 'license.not_found',
    });
    const rejected = await act('reject-amendment', officer, { ...amd, reasons: ['No new contract was shown'] });
    expect(rejected.status).toBe(200);
    const [, second] = (await license()).amendmentRequests;
    expect(second).toMatchObject({
      status: 'rejected',
      decision: { outcome: 'rejected', reasons: ['No new contract was shown'] },
    });
    expect(second.decision.record.verdict).toBe('license_required');
    expect((await license()).validUntil).toBe('2027-06-30');
  });
});
