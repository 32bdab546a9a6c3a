import { deciderSpec } from '../testing/decider-spec';
import { ApplicationCommand } from './application-commands';
import { applicationDecider } from './application-decider';
import { ApplicationEvent } from './application-events';
import {
  accepted,
  APPLICATION_ID,
  documentsRequested,
  drafted,
  reviewedHistory,
  submitted,
} from './application.fixtures';
import { meta } from './fixtures';

const spec = deciderSpec(applicationDecider);
const id = { applicationId: APPLICATION_ID };
const officer = (at = '2026-01-07') => meta({ at, actor: 'licensing_officer' });

const requestDocuments: ApplicationCommand = {
  type: 'RequestDocuments',
  data: { ...id, documents: ['end-user certificate (signed original)'], reason: 'The copy is unsigned' },
  metadata: officer('2026-01-08'),
};
const supply = (name = 'end-user certificate (signed original)'): ApplicationCommand => ({
  type: 'SupplyDocuments',
  data: { ...id, documents: [{ name, ref: 'DOC-77' }] },
  metadata: meta({ at: '2026-01-09' }),
});
const withdraw: ApplicationCommand = {
  type: 'WithdrawApplication',
  data: { ...id, reason: 'Contract cancelled' },
  metadata: meta({ at: '2026-01-10' }),
};

describe('application documents and withdrawal', () => {
  describe('RequestDocuments and SupplyDocuments', () => {
    it('requests documents during review', () => {
      spec.given([drafted(), submitted(), accepted]).when(requestDocuments).then([documentsRequested]);
    });

    it("records the bytes' hash and media type with a supplied document, and still loads one without them", () => {
      const sha256 = 'a'.repeat(64);
      const document = {
        name: 'end-user certificate (signed original)',
        ref: 'DOC-78',
        sha256,
        mediaType: 'application/pdf',
      };
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when({ type: 'SupplyDocuments', data: { ...id, documents: [document] }, metadata: meta({ at: '2026-01-09' }) })
        .then([
          {
            type: 'DocumentsSupplied',
            schemaVersion: 1,
            data: { ...id, documents: [document], suppliedOn: '2026-01-09' },
          },
        ]);
      const beforeHashes = {
        type: 'DocumentsSupplied',
        schemaVersion: 1,
        data: { ...id, documents: [{ name: 'x', ref: 'y' }], suppliedOn: '2025-01-09' },
      };
      expect(ApplicationEvent.safeParse(beforeHashes).success).toBe(true);
    });

    it('refuses a second request while the first is outstanding', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(requestDocuments)
        .thenThrows('application.documents_already_requested');
    });

    it('refuses a reviewer requesting documents', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when({ ...requestDocuments, metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('application.forbidden');
    });

    it('records the documents the exporter supplies', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(supply())
        .then([
          {
            type: 'DocumentsSupplied',
            schemaVersion: 1,
            data: {
              ...id,
              documents: [{ name: 'end-user certificate (signed original)', ref: 'DOC-77' }],
              suppliedOn: '2026-01-09',
            },
          },
        ]);
    });

    it('refuses supplying documents when none were requested', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when(supply())
        .thenThrows('application.no_documents_requested', /nothing to supply/);
    });

    it('refuses a supply that leaves a requested document out', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when(supply('invoice'))
        .thenThrows('application.documents_incomplete', /end-user certificate \(signed original\)/);
    });

    it('refuses a licensing officer supplying documents', () => {
      spec
        .given([drafted(), submitted(), accepted, documentsRequested])
        .when({ ...supply(), metadata: officer() })
        .thenThrows('application.forbidden');
    });
  });

  describe('WithdrawApplication', () => {
    it('withdraws an application under review', () => {
      spec
        .given([drafted(), submitted(), accepted])
        .when(withdraw)
        .then([
          {
            type: 'ApplicationWithdrawn',
            schemaVersion: 1,
            data: { ...id, withdrawnOn: '2026-01-10', reason: 'Contract cancelled' },
          },
        ]);
    });

    it('refuses withdrawing a decided application', () => {
      spec
        .given([
          ...reviewedHistory(),
          {
            type: 'ApplicationRejected',
            schemaVersion: 1,
            data: {
              ...id,
              exporterId: 'exp-1',
              approverId: 'officer-1',
              rejectedOn: '2026-01-20',
              decision: null,
              reasons: ['x'],
            },
          },
        ])
        .when(withdraw)
        .thenThrows('application.already_decided', /was rejected on 2026-01-20/);
    });

    it('refuses withdrawing twice', () => {
      spec
        .given([
          drafted(),
          { type: 'ApplicationWithdrawn', schemaVersion: 1, data: { ...id, withdrawnOn: '2026-01-05', reason: null } },
        ])
        .when(withdraw)
        .thenThrows('application.withdrawn', /was withdrawn on 2026-01-05/);
    });

    it('refuses a licensing officer withdrawing for the exporter', () => {
      spec
        .given([drafted()])
        .when({ ...withdraw, metadata: officer() })
        .thenThrows('application.forbidden');
    });
  });
});
