import {
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  otherExporterUser,
  policyOfficer,
  registerNingbo,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import { RunningService } from './running-service';

const NOW = '2026-11-23T02:00:00.000Z';
const proposal = magnetApplication('unused').application;
const samariumOxide = {
  lineId: '1',
  controlCode: '1C902.b',
  element: 'samarium',
  form: 'oxide',
  description: 'samarium oxide',
  quantity: { amount: 100, unit: 'kg' },
  value: { amount: 50_000, currency: 'USD' },
};
const holmiumMetal = {
  ...samariumOxide,
  controlCode: '1C909.a',
  element: 'holmium',
  form: 'metal',
  description: 'holmium metal',
};
const terbiumMagnet = {
  ...samariumOxide,
  controlCode: '1C904.a',
  element: 'terbium',
  form: 'magnet_material',
  description: 'Tb-bearing NdFeB magnet material',
};

/** A proposed export of one item, as an exporter would describe it before drafting anything. */
function exportOf(item: object, extra: Record<string, unknown> = {}) {
  return {
    exporterId: 'ningbo-magnetics',
    items: [item],
    consignee: proposal.consignee,
    endUser: proposal.endUser,
    endUse: proposal.endUse,
    destination: 'DE',
    ...extra,
  };
}

describe('POST /pre-checks: would this export need a license, without drafting anything', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
  });
  afterAll(() => service.dispose());

  const check = async (item: object, validOn: string) => {
    const answer = await client.post('/pre-checks', exporterUser, exportOf(item, { validOn }));
    expect(answer.status).toBe(200);
    const applied = (answer.body.decision.measures as { measureId: string; applies: boolean }[])
      .filter((m) => m.applies)
      .map((m) => m.measureId);
    return { verdict: answer.body.decision.verdict as string, applied };
  };

  // The policy acceptance test's cases (libs/domain/src/policy/rare-earth-policy-history.spec.ts), over HTTP on the seeded history.
  it.each(['2025-06-01', '2025-11-09', '2026-03-01', '2026-11-20'])(
    'samarium oxide and Tb-bearing magnet material need a license under No. 18 on %s',
    async (validOn) => {
      expect(await check(samariumOxide, validOn)).toEqual({ verdict: 'license_required', applied: ['no-18-2025'] });
      expect(await check(terbiumMagnet, validOn)).toEqual({ verdict: 'license_required', applied: ['no-18-2025'] });
    },
  );

  it('holmium metal: not yet controlled, then suspended by No. 70, then controlled by No. 57 again', async () => {
    expect(await check(holmiumMetal, '2025-06-01')).toEqual({ verdict: 'not_controlled', applied: [] });
    expect(await check(holmiumMetal, '2025-11-09')).toEqual({ verdict: 'not_controlled', applied: [] });
    expect(await check(holmiumMetal, '2026-03-01')).toEqual({ verdict: 'not_controlled', applied: [] });
    expect(await check(holmiumMetal, '2026-11-20')).toEqual({ verdict: 'license_required', applied: ['no-57-2025'] });
  });

  it('answers the whole decision record at today, as known now, by default, and says nothing was stored', async () => {
    const before = await positions();
    const answer = await client.post(
      '/pre-checks',
      officer,
      exportOf(holmiumMetal, { endUse: { category: 'military', description: 'guidance' } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ validOn: '2026-11-23', knownAt: NOW, stored: false });
    expect(answer.body.decision).toMatchObject({
      applicationId: 'pre-check',
      validOn: '2026-11-23',
      knownAt: NOW,
      verdict: 'deny',
      licenseRequired: true,
    });
    expect(answer.body.decision.denialGrounds.length).toBeGreaterThan(0);
    expect(answer.body.decision.reasons.length).toBeGreaterThan(0);
    // No event anywhere: every read model is where it was.
    expect(await positions()).toEqual(before);
  });

  it('screens every end user of a general license; the strictest decides', async () => {
    const listed = { ...proposal.endUser, name: 'Listed Corp', listed: true };
    const answer = await client.post(
      '/pre-checks',
      exporterUser,
      exportOf(samariumOxide, { licenseType: 'general', additionalEndUsers: [listed] }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.decision.verdict).toBe('deny');
    expect(answer.body.decision.inputs.application.endUser.name).toBe('Listed Corp');
  });

  it('refuses what it cannot answer, with problem details', async () => {
    const future = await client.post(
      '/pre-checks',
      exporterUser,
      exportOf(samariumOxide, { knownAt: '2027-01-01T00:00:00Z' }),
    );
    expect(future.status).toBe(400);
    expect(future.body.code).toBe('pre_check.known_at_in_future');
    const invalid = await client.post('/pre-checks', exporterUser, { ...exportOf(samariumOxide), items: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('request.invalid');
    const unknownField = await client.post('/pre-checks', exporterUser, {
      ...exportOf(samariumOxide),
      applicationId: 'x',
    });
    expect(unknownField.status).toBe(400);
    // Not registered when asked about: there is no profile to evaluate general-license eligibility with.
    const before = await client.post(
      '/pre-checks',
      officer,
      exportOf(samariumOxide, { knownAt: '2026-01-01T00:00:00Z' }),
    );
    expect(before.status).toBe(404);
    expect(before.body.code).toBe('exporter.not_found');
  });

  it('holds the exporter to its own companies, like every read of case data; auditors may ask, other roles are refused', async () => {
    const other = await client.post('/pre-checks', otherExporterUser, exportOf(samariumOxide));
    const unknown = await client.post('/pre-checks', officer, exportOf(samariumOxide, { exporterId: 'nobody-ltd' }));
    expect([other.status, other.body.code]).toEqual([404, 'exporter.not_found']);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'exporter.not_found']);
    expect((await client.post('/pre-checks', auditor, exportOf(samariumOxide))).status).toBe(200);
    for (const as of [opsUser, reviewer, policyOfficer])
      expect((await client.post('/pre-checks', as, exportOf(samariumOxide))).status).toBe(403);
  });

  async function positions(): Promise<unknown> {
    const consumers = await client.get('/ops/consumers', opsUser);
    return (consumers.body.readModels as { name: string; position: string | null }[]).map((m) => [m.name, m.position]);
  }
});
