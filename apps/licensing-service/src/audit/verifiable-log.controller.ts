import { Controller, Get, HttpCode, Inject, Post, Query, Res, UseGuards } from '@nestjs/common';
import {
  keyIdOf,
  type SignedTreeHead,
  VerifiableLog,
  type VerificationReport,
  verifyStore,
  type VerifyProgress,
} from '@licensing/audit';
import { IdInput } from '@licensing/domain';
import type { EventStore } from '@licensing/event-store';
import { toHex } from '@licensing/verifiable-log';
import { ActorGuard, Authorize, InvalidRequest, NotFound, ZodBody } from '@licensing/workflow';
import type { Response } from 'express';
import { z } from 'zod';
import { EVENT_STORE } from '../infrastructure/tokens';
import { NdjsonResponse } from './ndjson-response';

const TreeSize = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const TreeHeadsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('At most this many heads, newest first.'),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("Heads numbered at most this (the previous page's `next`)."),
});

export const InclusionQuery = z
  .strictObject({
    eventId: IdInput.optional().describe('The event to prove; or name it by `streamId` and `revision`.'),
    streamId: IdInput.optional().describe("The event's stream (with `revision`), e.g. `application-app-2026-0001`."),
    revision: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe("The event's revision in `streamId`."),
    treeSize: TreeSize.optional().describe(
      'A size a head was signed at; default the current head (signed now if the log grew).',
    ),
  })
  .superRefine((query, context) => {
    const byPlace = query.streamId !== undefined || query.revision !== undefined;
    if (query.eventId !== undefined && byPlace)
      context.addIssue({
        code: 'custom',
        path: ['eventId'],
        message: 'give eventId, or streamId and revision, not both',
      });
    else if (query.eventId === undefined && (query.streamId === undefined || query.revision === undefined))
      context.addIssue({
        code: 'custom',
        path: [query.streamId === undefined ? 'streamId' : 'revision'],
        message: 'give eventId, or streamId and revision',
      });
  });

export const ConsistencyQuery = z.strictObject({
  from: TreeSize.describe('The older tree size (one the caller holds a head for).'),
  to: TreeSize.optional().describe('The newer tree size; default the current head (signed now if the log grew).'),
});

/** One line of GET /audit/verify: `progress` lines while it reads, then one `report` line. */
export type VerifyLine = ({ kind: 'progress' } & VerifyProgress) | ({ kind: 'report' } & VerificationReport);

/**
 * The verifiable log (docs/audit-log.md): signed tree heads, the key that
 * signs them, inclusion and consistency proofs, and a verification of the
 * whole store streamed as it goes.
 */
@Controller('audit')
@UseGuards(ActorGuard)
export class VerifiableLogController {
  constructor(
    @Inject(VerifiableLog) private readonly log: VerifiableLog,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get('tree-heads/latest')
  @Authorize('ReadTreeHeads')
  latest(): SignedTreeHead {
    const head = this.log.tree.latestTreeHead();
    if (!head)
      throw new NotFound('audit.no_tree_head', 'No tree head has been signed yet; POST /audit/tree-heads signs one.');
    return head;
  }

  @Get('tree-heads')
  @Authorize('ReadTreeHeads')
  history(@Query(new ZodBody(TreeHeadsQuery)) query: z.infer<typeof TreeHeadsQuery>) {
    const page = this.log.tree.treeHeads(query.limit + 1, query.before);
    const treeHeads = page.slice(0, query.limit);
    return { treeHeads, next: page.length > query.limit ? (page[query.limit]?.seq ?? null) : null };
  }

  /** Signs a head over everything committed now, even at an unchanged size: a fresh, dated statement. */
  @Post('tree-heads')
  @HttpCode(201)
  @Authorize('SignTreeHead')
  sign(): Promise<SignedTreeHead> {
    return this.log.signNow();
  }

  @Get('public-key')
  @Authorize('ReadTreeHeads')
  publicKey() {
    const key = this.log.keys.publicKey;
    return {
      algorithm: 'Ed25519' as const,
      keyId: keyIdOf(key),
      publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  @Get('proofs/inclusion')
  @Authorize('ProveInclusion')
  async inclusion(@Query(new ZodBody(InclusionQuery)) query: z.infer<typeof InclusionQuery>) {
    const treeHead = await this.headAt(query.treeSize);
    const eventId = query.eventId ?? (await this.eventAt(query.streamId ?? '', query.revision ?? 0));
    const inclusion = this.log.inclusionOfEvent(eventId, treeHead.treeSize);
    if (!inclusion)
      throw new NotFound(
        'audit.event_not_in_tree',
        `Event ${eventId} is not among the first ${treeHead.treeSize} events of the log.`,
      );
    return { treeHead, inclusion };
  }

  @Get('proofs/consistency')
  @Authorize('ProveConsistency')
  async consistency(@Query(new ZodBody(ConsistencyQuery)) query: z.infer<typeof ConsistencyQuery>) {
    const to = await this.headAt(query.to);
    const from = this.log.tree.treeHeadOfSize(query.from);
    if (query.from > to.treeSize)
      throw new InvalidRequest('audit.bad_tree_sizes', `from (${query.from}) is larger than to (${to.treeSize}).`);
    if (!from && query.from !== 0)
      throw new NotFound(
        'audit.no_tree_head',
        `No tree head was signed at size ${query.from}; GET /audit/tree-heads lists them.`,
      );
    return {
      fromSize: query.from,
      toSize: to.treeSize,
      fromRoot: toHex(this.log.tree.root(query.from)),
      toRoot: to.rootHash,
      proof: this.log.tree.consistencyProof(query.from, to.treeSize).map(toHex),
      toTreeHead: to,
    };
  }

  /** Streams NDJSON: `progress` lines while it reads, then one `report` line. */
  @Get('verify')
  @Authorize('VerifyLog')
  async verify(@Res() response: Response): Promise<void> {
    await this.log.catchUp();
    const out = new NdjsonResponse(response);
    try {
      const report = await verifyStore(this.store, this.log.tree, this.log.keys.publicKey, {
        progressEvery: 10_000,
        onProgress: (progress) => out.write({ kind: 'progress', ...progress } satisfies VerifyLine),
      });
      await out.write({ kind: 'report', ...report } satisfies VerifyLine);
      out.end();
    } catch (error) {
      out.fail(error);
    }
  }

  private async eventAt(streamId: string, revision: number): Promise<string> {
    const [event] = await this.store.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1, raw: true });
    if (!event || event.revision !== BigInt(revision))
      throw new NotFound('audit.event_not_found', `Stream ${streamId} has no event at revision ${revision}.`);
    return event.id;
  }

  /** The head signed at `treeSize`, or the current one. */
  private async headAt(treeSize: number | undefined): Promise<SignedTreeHead> {
    if (treeSize === undefined) {
      const head = await this.log.currentTreeHead();
      if (!head) throw new NotFound('audit.no_tree_head', 'The log is empty: there is nothing to prove yet.');
      return head;
    }
    const head = this.log.tree.treeHeadOfSize(treeSize);
    if (!head)
      throw new NotFound(
        'audit.no_tree_head',
        `No tree head was signed at size ${treeSize}; GET /audit/tree-heads lists them.`,
      );
    return head;
  }
}
