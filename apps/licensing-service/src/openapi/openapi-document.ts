import type { CommandRoute } from '../commands/command-route';
import { commandRoutes } from '../commands/command-routes';
import { loadConfig } from '../config';
import {
  authorized,
  BEARER,
  COMMAND_HEADERS,
  commandHeaders,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  OUT_OF_SCOPE,
  pathId,
  problem,
  refusals,
  shared,
  sharedResponses,
} from './openapi-parts';
import { adminPaths, publicPaths, readPaths, verifiableLogPaths } from './openapi-paths';
import { amendmentDecisionPaths } from './amendment-decision-paths';
import { announcementPaths } from './announcement-paths';
import { backupPaths } from './backup-paths';
import { documentPaths } from './document-paths';
import { parkedEventPaths } from './parked-events-paths';
import { liveTailPaths } from './live-tail-path';
import { rebuildPaths } from './rebuild-paths';
import { preCheckPaths } from './pre-check-path';
import { signInPaths } from './sign-in-paths';
import { workQueuePaths } from './work-queue-paths';
import { responseComponents } from './response-schemas';

function commandOperation(route: CommandRoute, settings: OpenApiSettings): Json {
  const create = route.action === null;
  const resource = route.resource.replace(/s$/, '').replace('-', ' ');
  return {
    summary: route.summary,
    ...authorized(route.commandType, `Command \`${route.commandType}\`.`),
    tags: [route.resource],
    parameters: [...commandHeaders, ...(create ? [] : [pathId('id')])],
    requestBody: jsonBody(route.body),
    responses: inOrder({
      ...(create
        ? { '201': shared('CommandCreated'), '200': shared('CommandAlreadyApplied') }
        : { '200': shared('CommandStored') }),
      ...refusals(settings, { guarded: true, takesBody: true, throttled: true }),
      '400': shared('CommandInvalid'),
      '403': shared('CommandForbidden'),
      '404': problem(
        create
          ? `What the body names (an exporter, an application) does not exist, ${OUT_OF_SCOPE}. Nothing was stored.`
          : `The ${resource} does not exist, ${OUT_OF_SCOPE}. Nothing was stored.`,
      ),
      '409': shared('CommandConflict'),
      '422': shared('CommandRefused'),
    }),
  };
}

const TAGS = {
  exporters: 'Exporters: registration, compliance programme, general-license qualification, penalties.',
  applications: 'License applications, from draft to decision.',
  licenses: 'Issued licenses: shipments, amendments, suspension, revocation.',
  'control-measures': 'The export-control measures (policy) as recorded, with corrections.',
  announcements:
    'Announcements as one act: the acts one announcement orders on measures, each applied to its measure exactly once.',
  documents:
    "Documents' bytes, stored under their SHA-256: what a case names, so an auditor can prove which bytes were reviewed.",
  'pre-checks': 'Would an export need a license? The rule evaluation of an approval, without an application.',
  'work-queues':
    "Officers' and reviewers' work queues: what waits to be accepted, assigned, reviewed, decided; deadlines and licenses running out.",
  audit:
    'Checks an auditor runs: recorded decisions, the event log as stored, and the verifiable log (signed tree heads, proofs, verification, export).',
  'rule-history': 'The bitemporal rule history: what applied on a date, as known at an instant.',
  ops: 'What runs inside the service, for operators.',
  admin: 'Operations that change what the service runs, for operators.',
  health: 'Probes and Prometheus metrics: public, never rate-limited.',
  identity: "The local issuer's public keys, for whoever verifies its tokens.",
  openapi: 'This description.',
};

/**
 * The service's OpenAPI 3.1 document as it runs with these settings,
 * generated from the zod schemas that validate its requests and describe
 * its answers. The controller serves it from the service's own settings.
 */
export function openApiDocument(settings: OpenApiSettings = loadConfig({})): Json {
  const paths: Record<string, Json> = {};
  const add = (entries: Record<string, Json>) => {
    for (const [path, methods] of Object.entries(entries)) paths[path] = { ...paths[path], ...methods };
  };
  for (const route of Object.values(commandRoutes).flat()) {
    const path = route.action === null ? `/${route.resource}` : `/${route.resource}/{id}/${route.action}`;
    add({ [path]: { post: commandOperation(route, settings) } });
  }
  add(readPaths(settings));
  add(preCheckPaths(settings));
  add(signInPaths(settings));
  add(workQueuePaths(settings));
  add(documentPaths(settings));
  add(announcementPaths(settings));
  add(amendmentDecisionPaths(settings));
  add(verifiableLogPaths(settings));
  add(liveTailPaths(settings));
  add(backupPaths(settings));
  add(parkedEventPaths(settings));
  add(adminPaths(settings));
  add(rebuildPaths(settings));
  add(publicPaths(settings));
  const responses = sharedResponses(settings, paths);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Export-license workflow',
      version: '1',
      description:
        "System of record for export licenses under China's 2025-2026 rare-earth export controls. Every change is an event; reads are projections.",
      // UNLICENSED in package.json: no licence is granted. SPDX spells a licence of one's own `LicenseRef-`.
      license: { name: 'Proprietary (UNLICENSED)', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/', description: 'The service that serves this document.' }],
    security: BEARER,
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'An OAuth 2 / OpenID Connect access token of the configured issuer (AUTH_ISSUER; locally `npm run token`), naming exactly one role of the service.',
        },
      },
      parameters: COMMAND_HEADERS,
      responses,
      schemas: responseComponents({ paths, responses }),
    },
  };
}
