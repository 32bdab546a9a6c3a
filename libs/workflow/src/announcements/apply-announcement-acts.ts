import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler, type IEvent, ofType, Saga } from '@nestjs/cqrs';
import { map, type Observable } from 'rxjs';
import { type ActsReport, AnnouncementProcess } from './announcement-process';

/**
 * An announcement that may have acts left to apply: just recorded (the live
 * subscription saw its `AnnouncementRecorded`), or found pending when the
 * service started.
 */
export class AnnouncementPending implements IEvent {
  constructor(readonly announcementId: string) {}
}

/** Apply the announcement's pending acts, each to its measure, exactly once. */
export class ApplyAnnouncementActs extends Command<ActsReport> {
  constructor(readonly announcementId: string) {
    super();
  }
}

@CommandHandler(ApplyAnnouncementActs)
export class ApplyAnnouncementActsHandler implements ICommandHandler<ApplyAnnouncementActs> {
  constructor(@Inject(AnnouncementProcess) private readonly process: AnnouncementProcess) {}

  execute({ announcementId }: ApplyAnnouncementActs): Promise<ActsReport> {
    return this.process.apply(announcementId);
  }
}

/** The process manager's one rule: a pending announcement is an announcement to apply. */
@Injectable()
export class AnnouncementSagas {
  @Saga()
  pendingAnnouncement = (events$: Observable<IEvent>): Observable<ApplyAnnouncementActs> =>
    events$.pipe(
      ofType(AnnouncementPending),
      map((event) => new ApplyAnnouncementActs(event.announcementId)),
    );
}

/** The providers of the process manager, for the module that runs it. */
export const announcementProcessProviders = [
  AnnouncementProcess,
  ApplyAnnouncementActsHandler,
  AnnouncementSagas,
] as const;
