import { isAllowed, type Operation, PersonRole } from '@licensing/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/built-apps';
import type { ConsoleRole } from '../support/console-browser';

/** One page of the console, as one role opens it. */
export interface BenchPage {
  /** The route as page-routes.tsx declares it, e.g. `licenses/:id`. */
  readonly route: string;
  /** Under /console, with the route's ids filled in. */
  readonly path: string;
  readonly role: ConsoleRole;
  /** CSS, inside <main>: present once the page shows its data (a first row, or its empty-state text). */
  readonly content: string;
}

/** A route the bench cannot open (an id it has no value for), said in the report. */
export interface SkippedRoute {
  readonly route: string;
  readonly reason: string;
}

/**
 * A generated case that went all the way (case number 5: approved, licensed,
 * shipped against): its application, license and decision record exist, and
 * its exporter is the one the exporter user acts for.
 */
export const APPROVED_CASE = 'gen-0000005';
export const BENCH_EXPORTER = 'exp-g5';

interface KnownPage {
  readonly roles: readonly ConsoleRole[];
  readonly path?: string;
  readonly content: string;
}

/**
 * What "rendered" means on each page the bench knows, and the roles for whom
 * it is a main task (lists in each scope: everything, an exporter's own, a
 * reviewer's assigned). Rows of Mantine tables, or the page's own marker.
 */
const KNOWN_PAGES: Record<string, KnownPage> = {
  'work-queues': { roles: ['licensing_officer', 'reviewer'], content: '[data-testid^="queue-"] tbody tr' },
  applications: {
    roles: ['licensing_officer', 'exporter', 'reviewer'],
    content: '[data-testid="application-table"] tbody tr',
  },
  'applications/:id': {
    roles: ['licensing_officer', 'exporter'],
    path: `applications/${APPROVED_CASE}`,
    content: '.mantine-Timeline-root',
  },
  licenses: { roles: ['licensing_officer', 'exporter'], content: '[data-testid="license-table"] tbody tr' },
  'licenses/:id': {
    roles: ['licensing_officer', 'exporter'],
    path: `licenses/lic-${APPROVED_CASE}`,
    content: '#license-validity',
  },
  'applications/new': { roles: ['exporter'], content: 'form button[type="submit"]' },
  'rule-timeline': { roles: ['policy_officer'], content: 'table tbody tr' },
  'announcements/:announcementId': {
    roles: ['policy_officer'],
    path: 'announcements/no-70-2025',
    content: 'table tbody tr',
  },
  events: { roles: ['auditor'], content: 'table tbody tr' },
  verification: { roles: ['auditor'], content: '[data-testid="tree-head"], section .mantine-Alert-root' },
  decisions: { roles: ['auditor'], content: 'form' },
  'decisions/:applicationId': {
    roles: ['auditor'],
    path: `decisions/${APPROVED_CASE}`,
    content: '[data-testid="replay-differences"]',
  },
  'live-tail': { roles: ['ops'], content: 'table tbody tr' },
  consumers: { roles: ['ops'], content: 'tbody tr[data-consumer]' },
  rebuilds: { roles: ['ops'], content: 'h2' },
  'parked-events': { roles: ['ops'], content: 'tbody tr' },
};

/** A page the bench does not know yet (another group added it): its heading, once nothing is loading. */
const ANY_CONTENT = 'h1';

const CONSOLE_SRC = join(REPO_ROOT, 'apps', 'console', 'src');

/** The routes of the console as page-routes.tsx declares them now. */
function declaredRoutes(): string[] {
  const source = readFileSync(join(CONSOLE_SRC, 'pages', 'page-routes.tsx'), 'utf8');
  return [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map((match) => match[1] as string);
}

/** Each navigation entry's path, operation and roles, as layout/navigation.ts lists them now. */
function navigationEntries(): Map<string, { operation: string; roles: string[] }> {
  const source = readFileSync(join(CONSOLE_SRC, 'layout', 'navigation.ts'), 'utf8');
  const entries = new Map<string, { operation: string; roles: string[] }>();
  for (const [entry] of source.matchAll(/\{\s*path:\s*'[^']+'[^}]*\}/g)) {
    const path = /path:\s*'\/?([^']+)'/.exec(entry)?.[1];
    const operation = /operation:\s*'([^']+)'/.exec(entry)?.[1];
    const rolesText = /roles:\s*\[([^\]]*)\]/.exec(entry)?.[1] ?? '';
    const roles = [...rolesText.matchAll(/'([a-z_]+)'/g)].map((match) => match[1] as string);
    if (path && operation) entries.set(path, { operation, roles });
  }
  return entries;
}

/** The role a new page is measured for: the first its navigation entry names, else the first the permission table allows. */
function roleFor(entry: { operation: string; roles: string[] }): ConsoleRole | null {
  const candidates = entry.roles.length > 0 ? entry.roles : PersonRole.options;
  const role = candidates.find((r) => isAllowed(entry.operation as Operation, r as PersonRole));
  return (role as ConsoleRole | undefined) ?? null;
}

/** Every page of the console to time, per role, read from its sources at run time. */
export function benchPages(): { pages: BenchPage[]; skipped: SkippedRoute[] } {
  const navigation = navigationEntries();
  const pages: BenchPage[] = [];
  const skipped: SkippedRoute[] = [];
  for (const route of declaredRoutes()) {
    const known = KNOWN_PAGES[route];
    if (known) {
      for (const role of known.roles)
        pages.push({ route, path: `/${known.path ?? route}`, role, content: known.content });
      continue;
    }
    const entry = navigation.get(route);
    const role = entry ? roleFor(entry) : null;
    if (route.includes(':')) skipped.push({ route, reason: 'no generated id known for its parameter' });
    else if (role === null) skipped.push({ route, reason: 'not in the navigation: no role to open it as' });
    else pages.push({ route, path: `/${route}`, role, content: ANY_CONTENT });
  }
  return { pages, skipped };
}
