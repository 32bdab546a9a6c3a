import { Controller, Get, Inject, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { MediaTypeInput, type ScopePredicate } from '@licensing/domain';
import { DocumentStore, LicenseStateQuery } from '@licensing/projections';
import {
  ActorGuard,
  Authorize,
  DOCUMENT_CONTENT,
  type DocumentContentStore,
  InvalidRequest,
  NotFound,
  ReadScope,
  type StoredDocument,
  ZodBody,
} from '@licensing/workflow';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { ReadConsistency, ReadQuery } from '../queries/read-query';

/** GET /documents/{sha256}: only read-your-writes; a document has no date. */
export const DocumentQuery = ReadQuery.pick({ minPosition: true });

/** `Repr-Digest` (RFC 9530): the SHA-256 of the bytes sent, so a client can check what it received. */
const reprDigest = (sha256: string) => `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`;

/**
 * Document bytes, content-addressed. An exporter uploads bytes of any media
 * type (POST /documents, read raw up to DOCUMENT_MAX_BYTES by the edge) and
 * names them by hash in a draft or a supply of documents; whoever may read an
 * application that names a hash may read its bytes, and nobody else: out of
 * scope answers like a hash never stored.
 */
@Controller('documents')
@UseGuards(ActorGuard)
export class DocumentsController {
  private readonly state: LicenseStateQuery;

  constructor(
    @Inject(DOCUMENT_CONTENT) private readonly content: DocumentContentStore,
    @Inject(DocumentStore) documents: DocumentStore,
    @Inject(ReadConsistency) private readonly consistency: ReadConsistency,
  ) {
    this.state = new LicenseStateQuery(documents);
  }

  @Post()
  @Authorize('UploadDocument')
  async upload(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<StoredDocument> {
    const mediaType = mediaTypeOf(request);
    const bytes: unknown = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
      throw new InvalidRequest('document.empty', 'Send the document as the request body; it was empty.');
    }
    const { created, ...stored } = await this.content.put(bytes, mediaType);
    response.status(created ? 201 : 200);
    response.setHeader('Location', `/documents/${stored.sha256}`);
    return stored;
  }

  @Get(':id')
  @Authorize('GetDocument')
  async download(
    @Param('id') sha256: string,
    @Query(new ZodBody(DocumentQuery)) query: z.infer<typeof DocumentQuery>,
    @ReadScope() scope: ScopePredicate,
    @Res() response: Response,
  ): Promise<void> {
    await this.consistency.asOf(query);
    const found = this.state.documentReadable(sha256, scope) ? await this.content.read(sha256) : null;
    if (found === null) throw new NotFound('document.not_found', `There is no document ${sha256} you can read.`);
    response
      .status(200)
      .type(found.document.mediaType)
      .setHeader('ETag', `"${sha256}"`)
      .setHeader('Repr-Digest', reprDigest(sha256))
      .setHeader('Content-Disposition', `attachment; filename="${sha256}"`)
      .setHeader('Cache-Control', 'private')
      .send(found.bytes);
  }
}

/** The upload's Content-Type without parameters, lower case; a document without one cannot be stored. */
function mediaTypeOf(request: Request): string {
  const given = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  const parsed = MediaTypeInput.safeParse(given);
  if (!parsed.success) {
    throw new InvalidRequest(
      'document.media_type_required',
      `Send the document's media type as Content-Type, e.g. application/pdf; got ${given || 'none'}.`,
    );
  }
  return parsed.data;
}
