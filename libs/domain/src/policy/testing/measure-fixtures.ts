import { CommandMetadata, Role } from '../../shared/metadata';
import { ControlMeasureCommand } from '../measure-commands';
import { ControlMeasureEvent, MeasurePublished } from '../measure-events';
import { Provision } from '../provisions';

/** Small builders for the policy specs; the real history lives in ../seed. */

export function metadata(role: Role = 'policy_officer', occurredAt = '2025-11-07T02:00:00Z'): CommandMetadata {
  return { commandId: `cmd-${occurredAt}`, actor: { id: `${role}-1`, role }, occurredAt };
}

export function command<C extends ControlMeasureCommand>(
  type: C['type'],
  data: C['data'],
  role: Role = 'policy_officer',
): ControlMeasureCommand {
  return { type, data, metadata: metadata(role) } as ControlMeasureCommand;
}

export const holmiumProvision: Provision = {
  provisionId: 'item-list',
  summary: 'Holmium items',
  effectiveFrom: '2025-11-08',
  controls: [{ controlCode: '1C909', element: 'holmium', description: 'Holmium' }],
  rules: [{ kind: 'license_required' }],
};

export const published: MeasurePublished = {
  type: 'MeasurePublished',
  schemaVersion: 1,
  data: {
    measureId: 'no-57-2025',
    title: 'Export control on five medium and heavy rare earths',
    issuer: 'MOFCOM/GAC',
    announcementNumber: 'No. 57 of 2025',
    publishedOn: '2025-10-09',
    provisions: [holmiumProvision],
  },
};

/** `null` until: open-ended, lifted by hand. */
export function suspended(until: string | null = '2026-11-10', suspensionId = 'no-70-2025'): ControlMeasureEvent {
  return {
    type: 'MeasureSuspended',
    schemaVersion: 1,
    data: {
      measureId: 'no-57-2025',
      suspensionId,
      orderedBy: 'no-70-2025',
      from: '2025-11-07',
      ...(until !== null ? { until } : {}),
    },
  };
}

export const repealed: ControlMeasureEvent = {
  type: 'MeasureRepealed',
  schemaVersion: 1,
  data: { measureId: 'no-57-2025', orderedBy: 'no-99-2027', on: '2027-01-01' },
};
