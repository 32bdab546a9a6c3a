import { addYears, legalDateAt } from '../shared/dates';
import { assertNever, Decider } from '../shared/decider';
import { requireRole } from '../authorization/permissions';
import { DomainError } from '../shared/errors';
import {
  CertifyComplianceProgramme,
  DisqualifyFromGeneralLicenses,
  ExporterCommand,
  PenaliseExporter,
  QualifyForGeneralLicenses,
  RegisterExporter,
} from './exporter-commands';
import { ExporterEvent } from './exporter-events';
import { requireRegistered } from './exporter-guards';
import { penalisedWithinThreeYears } from './exporter-profile';
import { evolveExporter, ExporterState, initialExporterState } from './exporter-state';

function register(command: RegisterExporter, state: ExporterState): ExporterEvent[] {
  requireRole(command.type, command.metadata.actor, 'register an exporter');
  if (state.status !== 'unregistered') {
    throw new DomainError(
      'exporter.already_registered',
      `Exporter ${state.exporter.exporterId} is already registered. Use the existing registration.`,
    );
  }
  const { dualUseExportHistory, ...facts } = command.data;
  const registeredOn = legalDateAt(command.metadata.occurredAt);
  const dualUseExportsSince =
    'since' in dualUseExportHistory ? dualUseExportHistory.since : addYears(registeredOn, -dualUseExportHistory.years);
  return [{ type: 'ExporterRegistered', schemaVersion: 1, data: { ...facts, dualUseExportsSince, registeredOn } }];
}

function certify(command: CertifyComplianceProgramme, state: ExporterState): ExporterEvent[] {
  requireRole(command.type, command.metadata.actor, 'certify a compliance programme');
  const { exporter } = requireRegistered(state, 'certify a compliance programme');
  return [
    {
      type: 'ComplianceProgrammeCertified',
      schemaVersion: 1,
      data: {
        exporterId: exporter.exporterId,
        certificateRef: command.data.certificateRef,
        certifiedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

function qualify(command: QualifyForGeneralLicenses, state: ExporterState): ExporterEvent[] {
  requireRole(command.type, command.metadata.actor, 'qualify an exporter for general licenses');
  const registered = requireRegistered(state, 'qualify an exporter for general licenses');
  const { exporter } = registered;
  if (registered.status === 'qualified') {
    throw new DomainError(
      'exporter.already_qualified',
      `Exporter ${exporter.exporterId} has been qualified for general licenses since ${registered.qualifiedOn}.`,
    );
  }
  if (exporter.complianceProgramme === null) {
    throw new DomainError(
      'exporter.compliance_programme_missing',
      `Exporter ${exporter.exporterId} has no certified internal compliance programme. Certify one before qualifying it for general licenses.`,
    );
  }
  const today = legalDateAt(command.metadata.occurredAt);
  if (penalisedWithinThreeYears(exporter, today)) {
    throw new DomainError(
      'exporter.penalised_recently',
      `Exporter ${exporter.exporterId} was penalised within the last three years, so it cannot be qualified for general licenses.`,
      { penalties: exporter.penalties.map((p) => p.penaltyId) },
    );
  }
  return [
    {
      type: 'QualifiedForGeneralLicenses',
      schemaVersion: 1,
      data: { exporterId: exporter.exporterId, qualifiedOn: today },
    },
  ];
}

function disqualify(command: DisqualifyFromGeneralLicenses, state: ExporterState): ExporterEvent[] {
  requireRole(command.type, command.metadata.actor, 'disqualify an exporter from general licenses');
  const registered = requireRegistered(state, 'disqualify an exporter from general licenses');
  if (registered.status !== 'qualified') {
    throw new DomainError(
      'exporter.not_qualified',
      `Exporter ${registered.exporter.exporterId} is not qualified for general licenses, so there is nothing to withdraw.`,
    );
  }
  return [
    {
      type: 'DisqualifiedFromGeneralLicenses',
      schemaVersion: 1,
      data: {
        exporterId: registered.exporter.exporterId,
        reason: command.data.reason,
        disqualifiedOn: legalDateAt(command.metadata.occurredAt),
      },
    },
  ];
}

/**
 * A penalty breaks the "no penalty in three years" condition, so a qualified
 * exporter loses its qualification in the same decision; a read model never
 * sees a penalised exporter that still looks qualified.
 */
function penalise(command: PenaliseExporter, state: ExporterState): ExporterEvent[] {
  requireRole(command.type, command.metadata.actor, 'penalise an exporter');
  const registered = requireRegistered(state, 'penalise an exporter');
  const { exporter } = registered;
  const { penaltyId, kind, imposedOn, reason } = command.data;
  const today = legalDateAt(command.metadata.occurredAt);
  if (exporter.penalties.some((p) => p.penaltyId === penaltyId)) {
    throw new DomainError(
      'exporter.duplicate_penalty',
      `Penalty ${penaltyId} is already recorded for exporter ${exporter.exporterId}.`,
    );
  }
  if (imposedOn > today) {
    throw new DomainError(
      'exporter.penalty_in_future',
      `Penalty ${penaltyId} is dated ${imposedOn}, after today (${today}). Record a penalty once it has been imposed.`,
    );
  }
  const penalised: ExporterEvent = {
    type: 'ExporterPenalised',
    schemaVersion: 1,
    data: { exporterId: exporter.exporterId, penaltyId, kind, imposedOn, reason, recordedOn: today },
  };
  if (registered.status !== 'qualified') return [penalised];
  return [
    penalised,
    {
      type: 'DisqualifiedFromGeneralLicenses',
      schemaVersion: 1,
      data: {
        exporterId: exporter.exporterId,
        reason: `Penalised (${kind}, ${penaltyId}): ${reason}`,
        disqualifiedOn: today,
      },
    },
  ];
}

export function decideExporter(command: ExporterCommand, state: ExporterState): ExporterEvent[] {
  switch (command.type) {
    case 'RegisterExporter':
      return register(command, state);
    case 'CertifyComplianceProgramme':
      return certify(command, state);
    case 'QualifyForGeneralLicenses':
      return qualify(command, state);
    case 'DisqualifyFromGeneralLicenses':
      return disqualify(command, state);
    case 'PenaliseExporter':
      return penalise(command, state);
    default:
      return assertNever(command, 'exporter command');
  }
}

export const exporterDecider: Decider<ExporterCommand, ExporterEvent, ExporterState> = {
  initialState: initialExporterState,
  evolve: evolveExporter,
  decide: decideExporter,
};
