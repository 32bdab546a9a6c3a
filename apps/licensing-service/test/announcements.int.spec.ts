import {
  auditor,
  exporterUser,
  magnetApplication,
  officer,
  policyOfficer,
  registerNingbo,
  reviewer,
  type ServiceClient,
} from '@licensing/service-testing';
import {
  type ActView,
  byAnnouncement,
  measureEvents,
  NO_70_SUSPENDED,
  no80,
  NOW,
  settled,
} from './announcement-requests';
import { RunningService } from './running-service';

describe('announcements as one act, over HTTP', () => {
  const service = new RunningService();
  let client: ServiceClient;

  beforeAll(async () => {
    client = await service.start(NOW);
    expect((await client.post('/exporters', exporterUser, registerNingbo)).status).toBe(201);
  });
  afterAll(() => service.dispose());

  it('shows No. 70 and No. 72 as seeded announcements, each act applied, and links the rule history to them', async () => {
    const list = await client.get('/announcements', exporterUser);
    expect(
      list.body.announcements.map((a: { announcementId: string; status: string }) => [a.announcementId, a.status]),
    ).toEqual([
      ['no-72-2025', 'settled'],
      ['no-70-2025', 'settled'],
    ]);
    const no70 = (await client.get('/announcements/no-70-2025', reviewer)).body;
    expect(no70.actCounts).toEqual({ pending: 0, applied: 6, refused: 0 });
    expect(no70.acts.map((view: ActView) => view.act.measureId)).toEqual(NO_70_SUSPENDED);
    const no57 = (await client.get('/rule-history/measures/no-57-2025', exporterUser)).body;
    expect(no57.events.map((e: { announcement: unknown }) => e.announcement)).toEqual([
      null,
      { announcementId: 'no-70-2025', actId: 'suspend-no-57-2025' },
    ]);
  });

  it('moves all six measures of No. 70 to a new end date with one announcement', async () => {
    const recorded = await client.post('/announcements', policyOfficer, no80, { 'Idempotency-Key': 'no-80' });
    expect(recorded).toMatchObject({
      status: 201,
      body: { id: 'no-80-2026', streamId: 'announcement-no-80-2026', events: [{ type: 'AnnouncementRecorded' }] },
    });
    const no80Now = await settled(client, 'no-80-2026');
    expect(no80Now.acts.map((view) => [view.act.measureId, view.state, view.measureEvent?.type])).toEqual(
      NO_70_SUSPENDED.map((measureId) => [measureId, 'applied', 'SuspensionExtended']),
    );

    // As known now, holmium metal is not controlled on 2027-01-01: No. 57 is still suspended by No. 70.
    const onNewYear = (await client.get('/rule-history/measures?validOn=2027-01-01', exporterUser)).body;
    for (const measureId of NO_70_SUSPENDED)
      expect(onNewYear.measures.find((m: { measureId: string }) => m.measureId === measureId)).toMatchObject({
        status: 'suspended',
        suspendedBy: ['no-70-2025'],
      });
    const holmium = await client.post('/pre-checks', exporterUser, {
      ...holmiumMetalExport(),
      validOn: '2027-01-01',
    });
    expect(holmium.body.decision).toMatchObject({ verdict: 'not_controlled', licenseRequired: false });

    for (const measureId of NO_70_SUSPENDED) {
      const history = (await client.get(`/rule-history/measures/${measureId}`, reviewer)).body;
      expect(history.intervals).toContainEqual(
        expect.objectContaining({ from: '2025-11-07', until: '2027-11-10', status: 'suspended' }),
      );
      expect(history.events.at(-1)).toMatchObject({
        event: { type: 'SuspensionExtended', data: { orderedBy: 'no-80-2026', until: '2027-11-10' } },
        announcement: { announcementId: 'no-80-2026', actId: `extend-${measureId}` },
      });
    }
    // As known before it was recorded, the suspension still ended on 2026-11-10.
    const before = (await client.get('/rule-history/measures/no-57-2025?knownAt=2026-11-01T00:00:00Z', reviewer)).body;
    expect(before.intervals).toContainEqual(expect.objectContaining({ from: '2026-11-10', status: 'in_force' }));

    // The same request again: the first answer, nothing recorded or applied twice.
    const again = await client.post('/announcements', policyOfficer, no80, { 'Idempotency-Key': 'no-80' });
    expect(again.status).toBe(201);
    for (const measureId of NO_70_SUSPENDED)
      expect(byAnnouncement(await measureEvents(client, measureId), 'no-80-2026')).toHaveLength(1);
  });

  it('records an act its measure refuses as refused, with the reason, while the others apply', async () => {
    const no81 = {
      ...no80,
      announcementId: 'no-81-2026',
      number: 'No. 81 of 2026',
      acts: [
        { kind: 'lift', actId: 'lift-no-58', measureId: 'no-58-2025', suspensionId: 'no-70-2025', on: '2027-03-01' },
        {
          kind: 'extend',
          actId: 'extend-no-18',
          measureId: 'no-18-2025',
          suspensionId: 'no-70-2025',
          until: '2028-01-01',
        },
        {
          kind: 'extend',
          actId: 'extend-no-61',
          measureId: 'no-61-2025',
          suspensionId: 'no-70-2025',
          until: '2027-06-01',
        },
      ],
    };
    expect((await client.post('/announcements', policyOfficer, no81)).status).toBe(201);
    const no81Now = await settled(client, 'no-81-2026');
    expect(no81Now.acts.map((view) => [view.act.actId, view.state, view.refusal?.code ?? null])).toEqual([
      ['lift-no-58', 'applied', null],
      ['extend-no-18', 'refused', 'control_measure.unknown_suspension'],
      ['extend-no-61', 'refused', 'control_measure.extension_not_later'],
    ]);
    expect(no81Now.acts[2]?.refusal?.reason).toMatch(/later than the current end 2027-11-10; got 2027-06-01/);
    expect(byAnnouncement(await measureEvents(client, 'no-18-2025'), 'no-81-2026')).toEqual([]);
    expect((await client.get('/announcements?status=pending', auditor)).body.announcements).toEqual([]);
  });

  it('refuses what is not one announcement: a second record under its id, no acts, acts alike, a role that may not', async () => {
    expect(await client.post('/announcements', policyOfficer, no80)).toMatchObject({
      status: 409,
      body: { code: 'announcement.illegal_transition' },
    });
    const fresh = { ...no80, announcementId: 'no-82-2026' };
    expect(await client.post('/announcements', policyOfficer, { ...fresh, acts: [] })).toMatchObject({
      status: 422,
      body: { code: 'announcement.no_acts' },
    });
    expect(
      await client.post('/announcements', policyOfficer, { ...fresh, acts: [no80.acts[0], no80.acts[0]] }),
    ).toMatchObject({ status: 422, body: { code: 'announcement.duplicate_act' } });
    expect(await client.post('/announcements', officer, fresh)).toMatchObject({
      status: 403,
      body: { code: 'announcement.forbidden', allowed: ['policy_officer', 'system'] },
    });
    expect((await client.get('/announcements/no-82-2026', auditor)).status).toBe(404);
  });
});

function holmiumMetalExport() {
  const { consignee, endUser, endUse } = magnetApplication('unused').application;
  return {
    exporterId: 'ningbo-magnetics',
    items: [
      {
        lineId: '1',
        controlCode: '1C909.a',
        element: 'holmium',
        form: 'metal',
        description: 'holmium metal',
        quantity: { amount: 10, unit: 'kg' },
        value: { amount: 9_000, currency: 'USD' },
      },
    ],
    consignee,
    endUser,
    endUse,
    destination: 'DE',
  };
}
