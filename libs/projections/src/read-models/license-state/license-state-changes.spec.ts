import {
  applicationDecider,
  applicationStreamId,
  type LicenseCommand,
  licenseDecider,
  licenseStreamId,
  scopeFor,
} from '@licensing/domain';
import { aDecisionRecord, anIndividualApplication, licenseFixtures } from '@licensing/domain/testing';
import { applyProjection } from '../testing/apply-projection';
import { meta, StoryLog, toRecorded } from '../testing/decided-events';
import type { ApplicationDocument, DocumentReferenceDocument, LicenseDocument } from './license-state-documents';
import { licenseStateProjection } from './license-state-projection';
import { LicenseStateQuery } from './license-state-query';
import { applicationView, licenseView } from './license-state-views';

const CONTRACT = 'c'.repeat(64);
const CERTIFICATE = 'e'.repeat(64);

/**
 * An application that names its contract's bytes in the draft and supplies
 * a certificate's on request; its license with a shipment corrected, one
 * cancelled, and an amendment request reviewed and approved.
 */
function story() {
  const log = new StoryLog();
  const app = log.stream(applicationDecider, applicationStreamId('app-1'));
  const id = { applicationId: 'app-1' };
  const contract = { name: 'Sales contract', ref: 'CT-2026-001', sha256: CONTRACT, mediaType: 'application/pdf' };
  app.run({
    type: 'DraftApplication',
    data: { ...id, application: { ...anIndividualApplication(), documents: [contract] } },
    metadata: meta('2026-01-05', 'exporter', 'li.wei'),
  });
  app.run({ type: 'SubmitApplication', data: id, metadata: meta('2026-01-06', 'exporter', 'li.wei') });
  app.run({ type: 'AcceptApplication', data: id, metadata: meta('2026-01-07', 'licensing_officer', 'officer-1') });
  app.run({
    type: 'RequestDocuments',
    data: { ...id, documents: ['End-user certificate'], reason: 'Original needed' },
    metadata: meta('2026-01-08', 'licensing_officer', 'officer-1'),
  });
  app.run({
    type: 'SupplyDocuments',
    data: {
      ...id,
      documents: [{ name: 'End-user certificate', ref: 'EUC-1', sha256: CERTIFICATE, mediaType: 'image/png' }],
    },
    metadata: meta('2026-01-09', 'exporter', 'li.wei'),
  });

  const license = log.stream(licenseDecider, licenseStreamId('lic-1'));
  const run = (type: LicenseCommand['type'], data: object, date: string, role = 'exporter' as const, who = 'li.wei') =>
    license.run({ type, data: { licenseId: 'lic-1', ...data }, metadata: meta(date, role, who) } as LicenseCommand);
  const officer = (type: LicenseCommand['type'], data: object, date: string, who = 'officer-1') =>
    run(type, data, date, 'licensing_officer' as never, who);
  officer(
    'IssueLicense',
    { application: licenseFixtures.approvedApplicationFacts(), validFrom: '2026-01-21', validUntil: '2026-12-31' },
    '2026-01-21',
  );
  const ship = (shipmentId: string, quantity: number, date: string) =>
    run(
      'RecordShipment',
      { shipmentId, lines: [{ lineId: '1', quantity }], customsDeclarationRef: `CD-${shipmentId}` },
      date,
    );
  ship('s1', 30, '2026-02-01');
  ship('s2', 10, '2026-02-02');
  run(
    'CorrectShipment',
    { shipmentId: 's1', lines: [{ lineId: '1', quantity: 25 }], reason: 'Customs weighed 25 kg' },
    '2026-02-10',
  );
  officer('CancelShipment', { shipmentId: 's2', reason: 'The goods never left' }, '2026-02-11');
  const amd = { amendmentRequestId: 'amd-1' };
  run(
    'RequestAmendment',
    { ...amd, changes: { quantities: [{ lineId: '1', quantity: 150 }] }, reason: 'Bigger contract' },
    '2026-03-01',
  );
  officer('AssignAmendmentReviewer', { ...amd, reviewerId: 'wang.fang' }, '2026-03-02');
  run(
    'CompleteAmendmentReview',
    { ...amd, recommendation: 'approve', notes: 'Contract seen' },
    '2026-03-03',
    'reviewer' as never,
    'wang.fang',
  );
  officer('ApproveAmendment', { ...amd, decision: aDecisionRecord() }, '2026-03-04', 'chen.jie');
  return toRecorded(log.events);
}

const docs = applyProjection(licenseStateProjection, story());

describe('license-state: corrections, amendment requests and documents', () => {
  it('keeps each shipment with its history: the customs reference stays, the quantities move back', () => {
    const view = licenseView(docs.get('license:lic-1') as LicenseDocument, null, '2026-03-15');
    expect(view.shipments.map((s) => [s.shipmentId, s.status, s.customsDeclarationRef, s.lines])).toEqual([
      ['s1', 'corrected', 'CD-s1', [{ lineId: '1', quantity: 25 }]],
      ['s2', 'cancelled', 'CD-s2', []],
    ]);
    expect(view.shipments[0]?.recordedLines).toEqual([{ lineId: '1', quantity: 30 }]);
    expect(view.shipments[0]?.changes).toEqual([
      {
        change: 'corrected',
        on: '2026-02-10',
        reason: 'Customs weighed 25 kg',
        previousLines: [{ lineId: '1', quantity: 30 }],
        lines: [{ lineId: '1', quantity: 25 }],
      },
    ]);
    expect(view.items.find((line) => line.lineId === '1')).toMatchObject({
      licensed: 150,
      shipped: 25,
      remaining: 125,
    });
  });

  it('shows the amendment request, its review and its outcome with the decision record', () => {
    const view = licenseView(docs.get('license:lic-1') as LicenseDocument, null, '2026-03-15');
    expect(view.amendmentRequests).toEqual([
      expect.objectContaining({
        amendmentRequestId: 'amd-1',
        status: 'approved',
        requestedBy: 'li.wei',
        changes: { quantities: [{ lineId: '1', quantity: 150 }] },
        reviewerId: 'wang.fang',
        review: expect.objectContaining({ reviewerId: 'wang.fang', recommendation: 'approve' }),
        decision: expect.objectContaining({ outcome: 'approved', approverId: 'chen.jie', record: aDecisionRecord() }),
      }),
    ]);
    expect(view.history.map((h) => h.type).slice(-3)).toEqual([
      'AmendmentReviewCompleted',
      'AmendmentApproved',
      'LicenseAmended',
    ]);
  });

  it('lets the reviewer of the amendment read the license, and no other reviewer', () => {
    const query = new LicenseStateQuery(storeOf(docs));
    const reviewer = (id: string) => scopeFor('GetLicense', { id, role: 'reviewer' });
    expect(query.license('lic-1', '2026-03-15', reviewer('wang.fang'))?.id).toBe('lic-1');
    expect(query.license('lic-1', '2026-03-15', reviewer('zhou.bo'))).toBeNull();
  });

  it("lists the application's documents with the hashes of the bytes, and indexes who names each hash", () => {
    const view = applicationView(docs.get('application:app-1') as ApplicationDocument, '2026-01-10');
    expect(view.documents).toEqual([
      {
        name: 'Sales contract',
        ref: 'CT-2026-001',
        sha256: CONTRACT,
        mediaType: 'application/pdf',
        source: 'application',
        namedOn: '2026-01-05',
      },
      {
        name: 'End-user certificate',
        ref: 'EUC-1',
        sha256: CERTIFICATE,
        mediaType: 'image/png',
        source: 'supplied',
        namedOn: '2026-01-09',
      },
    ]);
    expect(docs.get(`document:${CERTIFICATE}`) as DocumentReferenceDocument).toEqual({
      kind: 'document',
      sha256: CERTIFICATE,
      applicationIds: ['app-1'],
    });
  });

  it('lets whoever may read an application that names the bytes have them, and nobody else', () => {
    const query = new LicenseStateQuery(storeOf(docs));
    const exporter = (exporterIds: string[]) => scopeFor('GetDocument', { id: 'u', role: 'exporter', exporterIds });
    expect(query.documentReadable(CONTRACT, exporter(['exp-1']))).toBe(true);
    expect(query.documentReadable(CONTRACT, exporter(['exp-2']))).toBe(false);
    expect(query.documentReadable('0'.repeat(64), exporter(['exp-1']))).toBe(false);
    expect(query.documentReadable(CERTIFICATE, scopeFor('GetDocument', { id: 'a', role: 'auditor' }))).toBe(true);
  });
});

/** The query reads documents by key and by scan: the two calls it makes of the store. */
function storeOf(map: Map<string, unknown>) {
  const byKey = (key: string) => map.get(key) ?? null;
  return { get: (_name: string, key: string) => byKey(key), all: () => [...map.values()] } as never;
}
