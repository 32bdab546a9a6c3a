import { DomainError } from '../shared/errors';
import { ExporterState, RegisteredExporterState } from './exporter-state';

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
