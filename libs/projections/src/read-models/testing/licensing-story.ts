import {
  applicationDecider,
  applicationFactsForLicense,
  applicationForEvaluation,
  applicationStreamId,
  evaluate,
  exporterDecider,
  exporterProfile,
  exporterStreamId,
  type IndividualApplicationContent,
  type Item,
  licenseDecider,
  licenseStreamId,
  policySnapshot,
  rareEarthPolicyHistory,
  toRecordedPolicyEvents,
} from '@licensing/domain';
import { at, meta, StoryLog } from './decided-events';

export const EXPORTER = 'exp-1';

const samariumMagnets: Item = {
  lineId: '1',
  controlCode: '1C902.a',
  element: 'samarium',
  form: 'magnet_material',
  description: 'Sm-Co permanent magnet blocks',
  quantity: { amount: 100, unit: 'kg' },
  value: { amount: 50000, currency: 'USD' },
};

function application(overrides: Partial<IndividualApplicationContent> = {}): IndividualApplicationContent {
  const party = {
    name: 'Stuttgart Motors GmbH',
    country: 'DE',
    militaryUser: false,
    listed: false,
    ownedByListedPartiesPercent: 0,
  };
  return {
    licenseType: 'individual',
    exporterId: EXPORTER,
    items: [samariumMagnets],
    consignee: { ...party, name: 'Hamburg Import GmbH' },
    endUser: party,
    endUse: { category: 'civil', description: 'Traction motors for electric vehicles' },
    destination: 'DE',
    contractRef: 'CT-2026-001',
    endUserCertificateRef: 'EUC-2026-001',
    endUseCertificateRef: 'EUSE-2026-001',
    ...overrides,
  };
}

const officer = (date: string, id = 'officer-1') => meta(date, 'licensing_officer', id);

/**
 * One exporter's year, decided command by command with the real deciders
 * and evaluated against the seeded rare-earth policy:
 * - app-1 approved on 2026-01-20; license lic-1 valid 2026-01-21..2026-06-30,
 *   30 kg shipped, suspended on 2026-03-02 until 2026-04-01 (lapses by itself).
 * - app-2 accepted on 2026-02-02 and never decided (review deadline passes).
 * - app-3 drafted, submitted, then withdrawn.
 */
export function licensingStory(): StoryLog {
  const log = new StoryLog();
  const policy = toRecordedPolicyEvents(rareEarthPolicyHistory());

  const exporter = log.stream(exporterDecider, exporterStreamId(EXPORTER));
  exporter.run({
    type: 'RegisterExporter',
    data: {
      exporterId: EXPORTER,
      name: 'Ningbo Magnetics Co., Ltd.',
      unifiedSocialCreditCode: '91330200MA2AB3CD4E',
      country: 'CN',
      dualUseExportHistory: { years: 5 },
      licensedExportsLastThreeYears: 12,
    },
    metadata: meta('2025-06-02', 'exporter', 'user-exporter-1'),
  });
  exporter.run({
    type: 'CertifyComplianceProgramme',
    data: { exporterId: EXPORTER, certificateRef: 'ICP-2025-0042' },
    metadata: officer('2025-07-01'),
  });

  const app1 = log.stream(applicationDecider, applicationStreamId('app-1'));
  const id1 = { applicationId: 'app-1' };
  app1.run({
    type: 'DraftApplication',
    data: { ...id1, application: application() },
    metadata: meta('2026-01-05', 'exporter'),
  });
  app1.run({ type: 'SubmitApplication', data: id1, metadata: meta('2026-01-06', 'exporter') });
  app1.run({ type: 'AcceptApplication', data: id1, metadata: officer('2026-01-07') });
  app1.run({ type: 'AssignReviewer', data: { ...id1, reviewerId: 'reviewer-1' }, metadata: officer('2026-01-08') });
  app1.run({
    type: 'CompleteReview',
    data: { ...id1, recommendation: 'approve', notes: 'End user verified' },
    metadata: meta('2026-01-19', 'reviewer', 'reviewer-1'),
  });
  const decision = evaluate(
    applicationForEvaluation(app1.state()),
    exporterProfile(exporter.state(), '2026-01-20'),
    policySnapshot(policy, { validOn: '2026-01-20', knownAt: at('2026-01-20') }),
  );
  app1.run({ type: 'ApproveApplication', data: { ...id1, decision }, metadata: officer('2026-01-20', 'officer-2') });

  const license = log.stream(licenseDecider, licenseStreamId('lic-1'));
  const id = { licenseId: 'lic-1' };
  license.run({
    type: 'IssueLicense',
    data: {
      ...id,
      application: applicationFactsForLicense(app1.state()),
      validFrom: '2026-01-21',
      validUntil: '2026-06-30',
    },
    metadata: officer('2026-01-21'),
  });
  license.run({
    type: 'RecordShipment',
    data: { ...id, shipmentId: 'shp-1', lines: [{ lineId: '1', quantity: 30 }], customsDeclarationRef: 'CD-2026-0001' },
    metadata: meta('2026-02-01', 'exporter'),
  });

  const app2 = log.stream(applicationDecider, applicationStreamId('app-2'));
  const id2 = { applicationId: 'app-2' };
  app2.run({
    type: 'DraftApplication',
    data: { ...id2, application: application({ contractRef: 'CT-2026-002' }) },
    metadata: meta('2026-01-26', 'exporter'),
  });
  app2.run({ type: 'SubmitApplication', data: id2, metadata: meta('2026-01-27', 'exporter') });
  app2.run({ type: 'AcceptApplication', data: id2, metadata: officer('2026-02-02') });

  license.run({
    type: 'SuspendLicense',
    data: { ...id, reason: 'End user under investigation', until: '2026-04-01' },
    metadata: officer('2026-03-02'),
  });

  const app3 = log.stream(applicationDecider, applicationStreamId('app-3'));
  const id3 = { applicationId: 'app-3' };
  app3.run({
    type: 'DraftApplication',
    data: { ...id3, application: application({ contractRef: 'CT-2026-003' }) },
    metadata: meta('2026-03-03', 'exporter'),
  });
  app3.run({ type: 'SubmitApplication', data: id3, metadata: meta('2026-03-04', 'exporter') });
  app3.run({
    type: 'WithdrawApplication',
    data: { ...id3, reason: 'Contract cancelled' },
    metadata: meta('2026-03-05', 'exporter'),
  });
  return log;
}
