import type { Actor, CommandType, PersonRole, ResourceOwner } from '@licensing/domain';
import {
  type As,
  auditor,
  director,
  exporterUser,
  magnetApplication,
  officer,
  opsUser,
  otherExporterUser,
  policyOfficer,
  registerNingbo,
  reviewer,
  type ServiceClient,
  registerBaotou,
} from '@licensing/service-testing';
import { createHash } from 'node:crypto';

/**
 * The data the access matrix runs on: two exporters, each with an approved
 * and licensed application and one under review, so that every path id of
 * the API exists twice, once the acting user's own and once another
 * exporter's. Each resource carries its owner as the permissions table's
 * `inScope` sees it, from which the matrix computes every expected answer.
 */

/** Which of the two exporters' resources a request addresses, from the acting user's point of view. */
export type Side = 'own' | 'other';
export const SIDES: readonly Side[] = ['own', 'other'];

/** One user per person role; each is the "own" side's user where the role has a data scope. */
export const matrixUsers: Readonly<Record<PersonRole, As>> = {
  exporter: exporterUser,
  licensing_officer: officer,
  reviewer,
  policy_officer: policyOfficer,
  auditor,
  ops: opsUser,
};

/** The domain actor a user's token stands for (what the service's verifier makes of it). */
export function actorOf(as: As): Actor {
  return { id: as.id, role: as.role, ...(as.exporterIds ? { exporterIds: [...as.exporterIds] } : {}) };
}

/** Reviews every application but the one `reviewer` (wang.fang) is assigned to. */
export const otherReviewer: As = { id: 'zhou.bo', role: 'reviewer' };

interface ExporterSide {
  readonly user: As;
  readonly exporterId: string;
  readonly registration: Record<string, unknown>;
  /** Approved and licensed (reviewed by zhou.bo). */
  readonly decided: string;
  /** Accepted and under review by `reviewerId`. */
  readonly underReview: string;
  readonly reviewerId: string;
}

const exporters: Readonly<Record<Side, ExporterSide>> = {
  own: {
    user: exporterUser,
    exporterId: 'ningbo-magnetics',
    registration: registerNingbo,
    decided: 'mx-decided-ningbo',
    underReview: 'mx-review-ningbo',
    // The only application wang.fang is ever assigned to.
    reviewerId: reviewer.id,
  },
  other: {
    user: otherExporterUser,
    exporterId: 'baotou-rare-earth',
    registration: registerBaotou,
    decided: 'mx-decided-baotou',
    underReview: 'mx-review-baotou',
    reviewerId: otherReviewer.id,
  },
};

export const exporterIdOf = (side: Side): string => exporters[side].exporterId;
const licenseIdOf = (applicationId: string) => `L-${applicationId}`;
export const VALIDITY = { validFrom: '2026-11-23', validUntil: '2027-11-22' } as const;

/** A resource a path id names, and whose it is. */
export interface Resource {
  readonly id: string;
  readonly owner: ResourceOwner;
}

export type ResourceKind =
  | 'exporter'
  | 'reviewApplication'
  | 'decidedApplication'
  | 'license'
  | 'measure'
  | 'announcement'
  | 'stream'
  | 'parkedEvent'
  | 'rebuild'
  | 'document';

/**
 * The document each exporter names in the draft of its application under
 * review: the JSON the client posts (a JSON body is a document of type
 * application/json), so its hash is known before the service stores it.
 */
const documentBody = (side: Side) => ({ accessMatrixDocument: side });
const sha256Of = (body: unknown) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * The resources of each kind, own and other. The measures are the seeded
 * policy history's: the law belongs to nobody (no owner), so both sides are
 * in scope for every role that may touch it at all.
 */
export const resources: Readonly<Record<ResourceKind, Readonly<Record<Side, Resource>>>> = {
  exporter: {
    own: { id: exporters.own.exporterId, owner: { exporterId: exporters.own.exporterId } },
    other: { id: exporters.other.exporterId, owner: { exporterId: exporters.other.exporterId } },
  },
  reviewApplication: {
    own: {
      id: exporters.own.underReview,
      owner: { exporterId: exporters.own.exporterId, reviewerId: exporters.own.reviewerId },
    },
    other: {
      id: exporters.other.underReview,
      owner: { exporterId: exporters.other.exporterId, reviewerId: exporters.other.reviewerId },
    },
  },
  // Read models keep the reviewer after the decision (reads); only officers and auditors replay decisions.
  decidedApplication: {
    own: { id: exporters.own.decided, owner: { exporterId: exporters.own.exporterId, reviewerId: otherReviewer.id } },
    other: {
      id: exporters.other.decided,
      owner: { exporterId: exporters.other.exporterId, reviewerId: otherReviewer.id },
    },
  },
  // Its last amendment request's reviewer is the license's (zhou.bo reviews the fixture's request).
  license: {
    own: {
      id: licenseIdOf(exporters.own.decided),
      owner: { exporterId: exporters.own.exporterId, reviewerId: otherReviewer.id },
    },
    other: {
      id: licenseIdOf(exporters.other.decided),
      owner: { exporterId: exporters.other.exporterId, reviewerId: otherReviewer.id },
    },
  },
  measure: {
    own: { id: 'no-57-2025', owner: {} },
    other: { id: 'no-18-2025', owner: {} },
  },
  // The seeded announcements: public law like the measures, nobody's data.
  announcement: {
    own: { id: 'no-70-2025', owner: {} },
    other: { id: 'no-72-2025', owner: {} },
  },
  // A stream of the event log, by its id: the decided application's, whose owner is the application's.
  stream: {
    own: {
      id: `application-${exporters.own.decided}`,
      owner: { exporterId: exporters.own.exporterId, reviewerId: otherReviewer.id },
    },
    other: {
      id: `application-${exporters.other.decided}`,
      owner: { exporterId: exporters.other.exporterId, reviewerId: otherReviewer.id },
    },
  },
  // A parked event, by its id: ops bookkeeping, nobody's data. None needs to exist: an allowed
  // decision with a stale If-Match is refused (409) before the event is looked for.
  parkedEvent: {
    own: { id: 'license-state:1', owner: {} },
    other: { id: 'relay:2', owner: {} },
  },
  // A read-model rebuild, by its id: ops bookkeeping, nobody's data. The fixtures run the first
  // rebuild of the fresh service (id 1) to its end, so the matrix's own POST is not refused as running.
  rebuild: {
    own: { id: '1', owner: {} },
    other: { id: '1', owner: {} },
  },
  // Document bytes, by their SHA-256: readable by whoever may read the application that names them.
  document: {
    own: {
      id: sha256Of(documentBody('own')),
      owner: { exporterId: exporters.own.exporterId, reviewerId: exporters.own.reviewerId },
    },
    other: {
      id: sha256Of(documentBody('other')),
      owner: { exporterId: exporters.other.exporterId, reviewerId: exporters.other.reviewerId },
    },
  },
};

/** The shipment each exporter records on its license (GET /shipments lists it as `<licenseId>/<shipmentId>`). */
const FIXTURE_SHIPMENT = 'shp-fixture';
/** The amendment request each exporter's license has decided (approved by the director). */
const FIXTURE_AMENDMENT = 'amd-fixture';

/** The fixture applications, licenses, shipments and decisions of one exporter, for the completeness of lists. */
export function listedFixtures(
  side: Side,
): Record<'applications' | 'licenses' | 'shipments' | 'decisions' | 'exporters', Resource[]> {
  const license = resources.license[side];
  return {
    applications: [resources.decidedApplication[side], resources.reviewApplication[side]],
    licenses: [license],
    // Read as its license: the same owner.
    shipments: [{ id: `${license.id}/${FIXTURE_SHIPMENT}`, owner: license.owner }],
    // GET /decisions lists a decision by its application's id, read as that application.
    decisions: [resources.decidedApplication[side]],
    // GET /exporters lists the registered exporter itself: its id is its exporterId.
    exporters: [resources.exporter[side]],
  };
}

async function ok(client: ServiceClient, path: string, as: As, body?: unknown): Promise<void> {
  const reply = await client.post(path, as, body);
  if (reply.status >= 300)
    throw new Error(`fixture: POST ${path} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
}

/** Creates every resource of `resources` (the measures are seeded by the service itself). */
export async function createMatrixFixtures(client: ServiceClient): Promise<void> {
  for (const side of SIDES) {
    const { user, exporterId, registration, decided, underReview, reviewerId } = exporters[side];
    await ok(client, '/exporters', user, registration);
    await ok(client, '/documents', user, documentBody(side));
    const document = { name: 'End-user certificate', ref: `EUC-MX-${side}`, sha256: resources.document[side].id };
    for (const applicationId of [decided, underReview]) {
      const documents = applicationId === underReview ? { documents: [document] } : {};
      await ok(client, '/applications', user, magnetApplication(applicationId, { exporterId, ...documents }));
      await ok(client, `/applications/${applicationId}/submit`, user);
      await ok(client, `/applications/${applicationId}/accept`, officer);
    }
    await ok(client, `/applications/${decided}/assign-reviewer`, officer, { reviewerId: otherReviewer.id });
    await ok(client, `/applications/${decided}/complete-review`, otherReviewer, {
      recommendation: 'approve',
      notes: 'End user verified on site',
    });
    await ok(client, `/applications/${decided}/approve`, director);
    await ok(client, '/licenses', officer, { applicationId: decided, ...VALIDITY });
    await ok(client, `/licenses/${licenseIdOf(decided)}/record-shipment`, user, {
      shipmentId: FIXTURE_SHIPMENT,
      lines: [{ lineId: '1', quantity: 1 }],
      customsDeclarationRef: `CD-FX-${side}`,
    });
    // A decided amendment request, for GET /licenses/{id}/decision-replay and /what-if (FIXTURE_AMENDMENT).
    const license = `/licenses/${licenseIdOf(decided)}`;
    const amendmentRequestId = FIXTURE_AMENDMENT;
    await ok(client, `${license}/request-amendment`, user, {
      amendmentRequestId,
      changes: { quantities: [{ lineId: '1', quantity: 150 }] },
      reason: 'Contract volume increased',
    });
    await ok(client, `${license}/assign-amendment-reviewer`, officer, {
      amendmentRequestId,
      reviewerId: otherReviewer.id,
    });
    await ok(client, `${license}/complete-amendment-review`, otherReviewer, {
      amendmentRequestId,
      recommendation: 'approve',
      notes: 'Contract seen',
    });
    await ok(client, `${license}/approve-amendment`, director, { amendmentRequestId });
    await ok(client, `/applications/${underReview}/assign-reviewer`, officer, { reviewerId });
  }
  await finishedRebuild(client);
}

/** The rebuild GET /ops/rebuilds/{id} reads (`resources.rebuild`), run to its end. */
async function finishedRebuild(client: ServiceClient): Promise<void> {
  const started = await client.post('/admin/read-models/rebuild?readModel=rule-history', opsUser);
  if (started.status !== 202 || started.body?.id !== resources.rebuild.own.id)
    throw new Error(`fixture: the first rebuild answered ${started.status}: ${JSON.stringify(started.body)}`);
  const deadline = Date.now() + 30_000;
  while ((await client.get(`/ops/rebuilds/${resources.rebuild.own.id}`, opsUser)).body?.state === 'running') {
    if (Date.now() > deadline) throw new Error('fixture: the rebuild did not finish within 30 s');
  }
}

/** What a command body may depend on: the side addressed and a fresh id for a new stream. */
export interface BodyContext {
  readonly side: Side;
  /** Unique to the request: the id of a stream a create starts, so that nothing else depends on it. */
  readonly fresh: string;
}

export interface CommandBody {
  readonly body: Record<string, unknown>;
  /** For a command that starts a stream: the owner its body names (absent: the stream has none). */
  readonly owner?: ResourceOwner;
}

const text = 'Access matrix check';
const ORDERED_BY = 'no-70-2025';

/**
 * A valid body for every command type the API takes, built from the
 * walkthrough's data: the body is validated before the data scope is
 * decided, so only a valid one shows the scope decision. A command type
 * missing here fails the matrix (a new endpoint needs a body here).
 */
export const commandBodies: Partial<Record<CommandType, (context: BodyContext) => CommandBody>> = {
  RegisterExporter: ({ side }) => ({
    body: exporters[side].registration,
    owner: { exporterId: exporters[side].exporterId },
  }),
  CertifyComplianceProgramme: () => ({ body: { certificateRef: 'ICP-2026-MX' } }),
  QualifyForGeneralLicenses: () => ({ body: {} }),
  DisqualifyFromGeneralLicenses: () => ({ body: { reason: text } }),
  PenaliseExporter: () => ({
    body: { penaltyId: 'pen-mx', kind: 'fine', imposedOn: '2026-11-20', reason: text },
  }),
  DraftApplication: ({ side, fresh }) => ({
    body: magnetApplication(fresh, { exporterId: exporters[side].exporterId }),
    owner: { exporterId: exporters[side].exporterId },
  }),
  ReviseDraft: ({ side }) => ({
    body: { application: magnetApplication('unused', { exporterId: exporters[side].exporterId }).application },
  }),
  SubmitApplication: () => ({ body: {} }),
  AcceptApplication: () => ({ body: {} }),
  RequestDocuments: () => ({ body: { documents: ['End-user certificate (original)'], reason: text } }),
  SupplyDocuments: () => ({ body: { documents: [{ name: 'End-user certificate', ref: 'EUC-2026-001' }] } }),
  AssignReviewer: ({ side }) => ({ body: { reviewerId: exporters[side].reviewerId } }),
  CompleteReview: () => ({ body: { recommendation: 'approve', notes: text } }),
  ApproveApplication: () => ({ body: {} }),
  RejectApplication: () => ({ body: { reasons: [text] } }),
  WithdrawApplication: () => ({ body: { reason: text } }),
  IssueLicense: ({ side }) => ({
    body: { applicationId: exporters[side].decided, ...VALIDITY },
    owner: { exporterId: exporters[side].exporterId },
  }),
  RecordShipment: () => ({
    body: { shipmentId: 'shp-mx', lines: [{ lineId: '1', quantity: 1 }], customsDeclarationRef: 'CD-MX-1' },
  }),
  CorrectShipment: () => ({ body: { shipmentId: 'shp-mx', lines: [{ lineId: '1', quantity: 1 }], reason: text } }),
  CancelShipment: () => ({ body: { shipmentId: 'shp-mx', reason: text } }),
  RequestAmendment: () => ({
    body: { amendmentRequestId: 'amd-mx', changes: { validUntil: '2027-06-30' }, reason: text },
  }),
  AssignAmendmentReviewer: ({ side }) => ({
    body: { amendmentRequestId: 'amd-mx', reviewerId: exporters[side].reviewerId },
  }),
  CompleteAmendmentReview: () => ({ body: { amendmentRequestId: 'amd-mx', recommendation: 'approve', notes: text } }),
  ApproveAmendment: () => ({ body: { amendmentRequestId: 'amd-mx' } }),
  RejectAmendment: () => ({ body: { amendmentRequestId: 'amd-mx', reasons: [text] } }),
  AmendLicense: () => ({ body: { reason: text, validUntil: '2027-06-30' } }),
  SuspendLicense: () => ({ body: { reason: text, until: '2027-01-15' } }),
  ReinstateLicense: () => ({ body: { reason: text } }),
  RevokeLicense: () => ({ body: { reason: text } }),
  PublishMeasure: ({ fresh }) => ({
    body: {
      measureId: fresh,
      title: 'Access matrix announcement',
      issuer: 'MOFCOM',
      announcementNumber: 'No. 99 of 2026',
      publishedOn: '2026-11-20',
      provisions: [],
    },
    owner: {},
  }),
  AmendMeasure: () => ({
    body: { orderedBy: ORDERED_BY, effectiveOn: '2026-12-01', provisions: [], removedProvisionIds: [] },
  }),
  SuspendMeasure: () => ({
    body: { suspensionId: 'susp-mx', orderedBy: ORDERED_BY, from: '2026-12-01', until: '2027-01-01' },
  }),
  ExtendSuspension: () => ({ body: { suspensionId: 'susp-mx', orderedBy: ORDERED_BY, until: '2027-02-01' } }),
  LiftSuspension: () => ({ body: { suspensionId: 'susp-mx', orderedBy: ORDERED_BY, on: '2026-12-15' } }),
  RepealMeasure: () => ({ body: { orderedBy: ORDERED_BY, on: '2026-12-31' } }),
  RecordCorrection: () => ({ body: { correction: { field: 'title', value: 'Corrected title' }, reason: text } }),
  // Valid, and refused by the decider (422 `announcement.no_acts`) for the roles that may send it: an
  // announcement with acts would have the process manager append to measure streams after the answer,
  // into the event count the matrix takes around the next cells' refusals.
  RecordAnnouncement: ({ fresh }) => ({
    body: {
      announcementId: fresh,
      number: 'No. 99 of 2026',
      issuer: 'MOFCOM',
      publishedOn: '2026-11-20',
      textRef: 'Access matrix announcement',
      acts: [],
    },
    owner: {},
  }),
  RetryParkedEvent: () => ({ body: {} }),
  SkipParkedEvent: () => ({ body: { reason: text } }),
};

/**
 * Query values an operation needs besides its required parameters, by
 * path: one of several parameters, which the document cannot mark required.
 */
/**
 * A valid body for every operation besides the commands that takes one (a
 * question about data the body names, such as a pre-check), with the owner
 * it names, so the matrix can tell "hidden" from "allowed" for it too.
 */
export const operationBodies: Partial<Record<string, (context: BodyContext) => CommandBody>> = {
  // Raw bytes of any media type; the client sends JSON, stored as a document of type application/json.
  // Bytes belong to no case until one names them: nobody's data (owner {}), scope `all` for exporters.
  UploadDocument: ({ side }) => ({ body: { accessMatrixUpload: side }, owner: {} }),
  PreCheckExport: ({ side }) => {
    const { application } = magnetApplication('unused', { exporterId: exporters[side].exporterId });
    const { exporterId, items, consignee, endUser, endUse, destination } = application;
    return {
      body: { exporterId, items, consignee, endUser, endUse, destination, validOn: '2026-11-20' },
      owner: { exporterId: exporters[side].exporterId },
    };
  },
  // Not here on purpose: CreateBackup (POST /ops/backups). Its body, a name, is optional and names nobody's
  // data, so the matrix sends none: ops get 201 (a backup named by the time it began), every other role 403.
};

export const operationQueries: Readonly<Record<string, string>> = {
  '/audit/streams/{streamId}/state': 'revision=0',
  // The live tail from the start of the log, so an allowed cell's stream has events at once; the
  // service client takes a live stream's status and headers and hangs up (it never ends by itself).
  '/ops/events/live': 'from=0',
  // Work queues take no exporter and no path id: the matrix checks their roles (each queue its own row). Windows
  // wide enough that an allowed cell reads rows (the fixtures' open reviews fall due in 45 working days), not
  // only an empty page; which rows each reader gets is work-queues.int.spec.ts's.
  '/work-queues/deadlines-due': 'withinWorkingDays=45',
  '/work-queues/expiring-licenses': 'withinDays=366',
  '/work-queues/nearly-exhausted': 'thresholdPercent=100',
};

/** Values for the query parameters an operation requires, by name (see `resolveQueryValues` for those of one path). */
export const requiredQueryValues: Readonly<Record<string, string>> = {
  from: '2025-01-01T00:00:00Z',
  to: '2026-12-01T00:00:00Z',
  // GET /audit/decisions: the measure every fixture decision evaluated.
  measureId: 'no-18-2025',
  // GET /licenses/{id}/decision-replay and /what-if: the fixture license's decided amendment request.
  amendmentRequestId: FIXTURE_AMENDMENT,
};

/**
 * Query values of one path that only the running service knows (or that mean
 * something else there); sent whether the document marks them required or not.
 */
export type PathQueryValues = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * Read from the service once the fixtures exist, as an auditor: an event id
 * that is in the log (the first of `$all`) for an inclusion proof, and a
 * tree size a head was signed at (the latest head's) for the `from` of a
 * consistency proof, which there is a size, not an instant.
 */
export async function resolveQueryValues(client: ServiceClient): Promise<PathQueryValues> {
  const read = async (path: string) => {
    const reply = await client.get(path, auditor);
    if (reply.status !== 200) throw new Error(`fixture: GET ${path} answered ${reply.status}`);
    return reply.body;
  };
  const eventId = (await read('/audit/events?limit=1')).events?.[0]?.id;
  const treeSize = (await read('/audit/tree-heads/latest')).treeSize;
  if (typeof eventId !== 'string' || typeof treeSize !== 'number')
    throw new Error(`fixture: no event id (${String(eventId)}) or no signed tree size (${String(treeSize)})`);
  return {
    '/audit/proofs/inclusion': { eventId },
    '/audit/proofs/consistency': { from: String(treeSize) },
  };
}
