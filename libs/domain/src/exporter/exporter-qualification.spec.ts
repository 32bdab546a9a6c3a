import { deciderSpec } from '../testing/decider-spec';
import { meta } from '../application/fixtures';
import { ExporterCommand } from './exporter-commands';
import { exporterDecider } from './exporter-decider';
import { certified, EXPORTER_ID, penalised, qualified, registered } from './exporter.fixtures';

const spec = deciderSpec(exporterDecider);

const officer = (at = '2026-01-05') => meta({ at, actor: 'licensing_officer' });

const qualify = (at = '2026-01-05'): ExporterCommand => ({
  type: 'QualifyForGeneralLicenses',
  data: { exporterId: EXPORTER_ID },
  metadata: officer(at),
});

const disqualify: ExporterCommand = {
  type: 'DisqualifyFromGeneralLicenses',
  data: { exporterId: EXPORTER_ID, reason: 'End users changed without notice' },
  metadata: officer(),
};

const penalise = (imposedOn = '2025-12-20'): ExporterCommand => ({
  type: 'PenaliseExporter',
  data: { exporterId: EXPORTER_ID, penaltyId: 'pen-1', kind: 'fine', imposedOn, reason: 'Export without license' },
  metadata: officer(),
});

describe('exporter qualification and penalties', () => {
  describe('QualifyForGeneralLicenses', () => {
    it('qualifies a certified exporter with no recent penalty', () => {
      spec
        .given([registered(), certified()])
        .when(qualify('2025-08-01'))
        .then([qualified('2025-08-01')]);
    });

    it('qualifies an exporter whose last penalty is more than three years old', () => {
      spec
        .given([registered(), penalised('2022-12-01'), certified()])
        .when(qualify('2026-01-05'))
        .then([qualified('2026-01-05')]);
    });

    it('refuses an exporter without a certified compliance programme', () => {
      spec
        .given([registered()])
        .when(qualify())
        .thenThrows('exporter.compliance_programme_missing', /no certified internal compliance programme/);
    });

    it('refuses an exporter penalised within three years', () => {
      spec
        .given([registered(), certified(), penalised('2024-05-10')])
        .when(qualify('2026-01-05'))
        .thenThrows('exporter.penalised_recently', /penalised within the last three years/);
    });

    it('refuses to qualify an exporter twice', () => {
      spec
        .given([registered(), certified(), qualified()])
        .when(qualify())
        .thenThrows('exporter.already_qualified', /since 2025-08-01/);
    });

    it('refuses to qualify an unregistered exporter', () => {
      spec.given([]).when(qualify()).thenThrows('exporter.not_registered');
    });

    it('refuses a reviewer qualifying an exporter', () => {
      spec
        .given([registered(), certified()])
        .when({ ...qualify(), metadata: meta({ actor: 'reviewer' }) })
        .thenThrows('exporter.forbidden');
    });
  });

  describe('DisqualifyFromGeneralLicenses', () => {
    it('withdraws the qualification with a reason', () => {
      spec
        .given([registered(), certified(), qualified()])
        .when(disqualify)
        .then([
          {
            type: 'DisqualifiedFromGeneralLicenses',
            schemaVersion: 1,
            data: { exporterId: EXPORTER_ID, reason: 'End users changed without notice', disqualifiedOn: '2026-01-05' },
          },
        ]);
    });

    it('refuses to disqualify an exporter that is not qualified', () => {
      spec
        .given([registered(), certified()])
        .when(disqualify)
        .thenThrows('exporter.not_qualified', /not qualified for general licenses/);
    });

    it('refuses to disqualify after a disqualification already withdrew the qualification', () => {
      spec
        .given([
          registered(),
          certified(),
          qualified(),
          penalised('2025-12-01'),
          {
            type: 'DisqualifiedFromGeneralLicenses',
            schemaVersion: 1,
            data: { exporterId: EXPORTER_ID, reason: 'Penalised', disqualifiedOn: '2025-12-01' },
          },
        ])
        .when(disqualify)
        .thenThrows('exporter.not_qualified');
    });
  });

  describe('PenaliseExporter', () => {
    it('records a penalty on an exporter that is not qualified', () => {
      spec
        .given([registered()])
        .when(penalise())
        .then([
          {
            type: 'ExporterPenalised',
            schemaVersion: 1,
            data: {
              exporterId: EXPORTER_ID,
              penaltyId: 'pen-1',
              kind: 'fine',
              imposedOn: '2025-12-20',
              reason: 'Export without license',
              recordedOn: '2026-01-05',
            },
          },
        ]);
    });

    it('also withdraws the general-license qualification of a qualified exporter', () => {
      spec
        .given([registered(), certified(), qualified()])
        .when(penalise())
        .then([
          expect.objectContaining({ type: 'ExporterPenalised' }),
          {
            type: 'DisqualifiedFromGeneralLicenses',
            schemaVersion: 1,
            data: {
              exporterId: EXPORTER_ID,
              reason: 'Penalised (fine, pen-1): Export without license',
              disqualifiedOn: '2026-01-05',
            },
          },
        ]);
    });

    it('refuses the same penalty twice', () => {
      spec
        .given([registered(), penalised('2025-12-20')])
        .when(penalise())
        .thenThrows('exporter.duplicate_penalty');
    });

    it('refuses a penalty dated in the future', () => {
      spec
        .given([registered()])
        .when(penalise('2026-02-01'))
        .thenThrows('exporter.penalty_in_future', /after today/);
    });

    it('refuses to penalise an unregistered exporter', () => {
      spec.given([]).when(penalise()).thenThrows('exporter.not_registered');
    });

    it('refuses an exporter recording penalties', () => {
      spec
        .given([registered()])
        .when({ ...penalise(), metadata: meta({ actor: 'exporter' }) })
        .thenThrows('exporter.forbidden');
    });
  });
});
