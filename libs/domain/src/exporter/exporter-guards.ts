import { DomainError } from '../shared/errors';
import { CommandMetadata, Role } from '../shared/metadata';
import { ExporterState, RegisteredExporterState } from './exporter-state';

export function requireExporterRole(command: string, metadata: CommandMetadata, allowed: readonly Role[]): void {
  if (!allowed.includes(metadata.actor.role)) {
    throw new DomainError(
      'exporter.forbidden',
      `A ${metadata.actor.role} may not ${command}; only ${allowed.join(' or ')} may.`,
      { command, role: metadata.actor.role, allowed },
    );
  }
}

export function requireRegistered(state: ExporterState, command: string): RegisteredExporterState {
  if (state.status === 'unregistered') {
    throw new DomainError(
      'exporter.not_registered',
      `Cannot ${command}: the exporter is not registered. Register the exporter first.`,
      { command },
    );
  }
  return state;
}
