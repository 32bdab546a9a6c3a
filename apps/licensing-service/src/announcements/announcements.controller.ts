import { Controller, Get, Inject, Param, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { type Actor, RecordAnnouncementData } from '@licensing/domain';
import { AnnouncementsQuery, DocumentStore } from '@licensing/projections';
import {
  ActorGuard,
  announcements,
  Authorize,
  CurrentActor,
  ExecuteDomainCommand,
  IdempotencyInterceptor,
  NotFound,
  ZodBody,
} from '@licensing/workflow';
import type { Request } from 'express';
import { z } from 'zod';
import { CommandGateway, type GatewayRoute } from '../commands/command-gateway';

export const AnnouncementsFilter = z.strictObject({
  status: z
    .enum(['pending', 'settled'])
    .optional()
    .describe('Only those with acts still `pending`, or only those whose every act is `settled` (applied or refused).'),
});

/** The announcement's id is its own, as measures name it in `orderedBy`: required, never made up. */
export const RecordAnnouncementBody = z.strictObject(RecordAnnouncementData.shape);

const record: GatewayRoute = {
  resource: 'announcements',
  action: null,
  body: RecordAnnouncementBody,
  newId: (body) => String(body['announcementId']),
  toCommand: ({ id, body, metadata, options }) =>
    new ExecuteDomainCommand(
      announcements,
      id,
      { type: 'RecordAnnouncement', data: { ...body, announcementId: id }, metadata },
      options,
    ),
};

/**
 * Announcements as one act: a policy officer records one with every act it
 * orders on measures; the process manager applies each act to its measure
 * (after the answer, exactly once), and the announcement shows how each went.
 */
@Controller('announcements')
@UseGuards(ActorGuard)
export class AnnouncementsController {
  private readonly announcements: AnnouncementsQuery;

  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(DocumentStore) documents: DocumentStore,
  ) {
    this.announcements = new AnnouncementsQuery(documents);
  }

  @Post()
  @Authorize('RecordAnnouncement')
  @UseInterceptors(IdempotencyInterceptor)
  record(@Req() request: Request, @CurrentActor() actor: Actor) {
    return this.gateway.run(record, request, actor);
  }

  @Get()
  @Authorize('ListAnnouncements')
  list(@Query(new ZodBody(AnnouncementsFilter)) query: z.infer<typeof AnnouncementsFilter>) {
    return { announcements: this.announcements.list(query) };
  }

  @Get(':id')
  @Authorize('GetAnnouncement')
  get(@Param('id') id: string) {
    const announcement = this.announcements.get(id);
    if (announcement === null)
      throw new NotFound(
        'announcement.not_found',
        `No announcement ${id} has been recorded; GET /announcements lists them.`,
      );
    return announcement;
  }
}
