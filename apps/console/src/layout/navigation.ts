import { isAllowed, type Operation, type PersonRole } from '@licensing/domain';

/** One page in the navigation, shown to the roles the API lets perform its operation. */
export interface NavigationItem {
  readonly path: string;
  /** `namespace:key` of its label. */
  readonly label: string;
  /** The API operation the page is built on: the permission table decides who sees the link. */
  readonly operation: Operation;
  /** Roles for whom the page is a main task (others may reach it by link). */
  readonly roles?: readonly PersonRole[];
}

/** Each page group adds its entries here, in reading order. */
export const navigation: NavigationItem[] = [
  // Every role with a queue has the deadlines queue (officers, reviewers, auditors); the page shows each its own queues.
  { path: '/work-queues', label: 'officer:nav.workQueues', operation: 'ListDeadlinesDue' },
  { path: '/applications', label: 'officer:nav.applications', operation: 'ListApplications' },
  { path: '/licenses', label: 'officer:nav.licenses', operation: 'ListLicenses' },
  {
    path: '/applications/new',
    label: 'exporter:nav.newApplication',
    operation: 'DraftApplication',
    roles: ['exporter'],
  },
  // The rule history is open to every person; drawing it over time is the policy officers' work,
  // and the licensing officers' reference.
  {
    path: '/rule-timeline',
    label: 'policy:nav.ruleTimeline',
    operation: 'GetMeasureHistory',
    roles: ['policy_officer', 'licensing_officer'],
  },
  // The auditor's workbench; officers may read the log too, by link. Verifying is auditors' and ops' work.
  { path: '/events', label: 'audit:nav.events', operation: 'ReadEventLog', roles: ['auditor'] },
  { path: '/verification', label: 'audit:nav.verification', operation: 'VerifyLog' },
  { path: '/decisions', label: 'audit:nav.decisions', operation: 'ReplayDecision', roles: ['auditor'] },
  // Ops watch the consumers of the log; auditors may read these pages by link.
  { path: '/live-tail', label: 'ops:nav.liveTail', operation: 'TailEventLog', roles: ['ops'] },
  { path: '/consumers', label: 'ops:nav.consumers', operation: 'ListConsumers', roles: ['ops'] },
  { path: '/rebuilds', label: 'ops:nav.rebuilds', operation: 'ListRebuilds', roles: ['ops'] },
  { path: '/parked-events', label: 'ops:nav.parked', operation: 'ListParkedEvents', roles: ['ops'] },
];

export function navigationFor(role: PersonRole): NavigationItem[] {
  return navigation.filter((item) => isAllowed(item.operation, role) && (!item.roles || item.roles.includes(role)));
}
