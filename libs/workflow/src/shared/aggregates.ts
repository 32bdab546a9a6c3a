import {
  amendmentReviewerOf,
  type AnnouncementCommand,
  announcementDecider,
  AnnouncementEvent,
  type AnnouncementState,
  announcementStreamId,
  type ApplicationCommand,
  applicationDecider,
  ApplicationEvent,
  type ApplicationState,
  applicationStreamId,
  type ControlMeasureCommand,
  controlMeasureDecider,
  ControlMeasureEvent,
  type ControlMeasureState,
  controlMeasureStreamId,
  type ExporterCommand,
  exporterDecider,
  ExporterEvent,
  type ExporterState,
  exporterStreamId,
  type LicenseCommand,
  licenseDecider,
  LicenseEvent,
  type LicenseState,
  licenseStreamId,
  type ParkedEventCommand,
  ParkedEventDecision,
  parkedEventDecider,
  type ParkedEventState,
  parkedEventStreamId,
} from '@licensing/domain';
import type { Aggregate } from './aggregate';

export const exporters = {
  name: 'exporter',
  decider: exporterDecider,
  streamId: exporterStreamId,
  eventSchema: ExporterEvent,
  ownerOf: (state) => (state.status === 'unregistered' ? null : { exporterId: state.exporter.exporterId }),
  ownerNamedBy: (command) => (command.type === 'RegisterExporter' ? { exporterId: command.data.exporterId } : null),
  startedBy: 'RegisterExporter',
} satisfies Aggregate<ExporterCommand, ExporterEvent, ExporterState>;

export const applications = {
  name: 'application',
  decider: applicationDecider,
  streamId: applicationStreamId,
  eventSchema: ApplicationEvent,
  ownerOf: (state) => {
    if (state.status === 'none') return null;
    // Only an accepted case has a reviewer; a decided one no longer needs one.
    const reviewerId = state.status === 'under_review' || state.status === 'reviewed' ? state.reviewerId : null;
    return { exporterId: state.application.exporterId, reviewerId };
  },
  ownerNamedBy: (command) =>
    command.type === 'DraftApplication' || command.type === 'ReviseDraft'
      ? { exporterId: command.data.application.exporterId }
      : null,
  startedBy: 'DraftApplication',
} satisfies Aggregate<ApplicationCommand, ApplicationEvent, ApplicationState>;

export const licenses = {
  name: 'license',
  decider: licenseDecider,
  streamId: licenseStreamId,
  eventSchema: LicenseEvent,
  // The reviewer of its latest amendment request reviews (and reads) it; nobody else by assignment.
  ownerOf: (state) =>
    state.status === 'none'
      ? null
      : {
          exporterId: state.license.exporterId,
          reviewerId: amendmentReviewerOf(state.license.amendmentRequests),
        },
  ownerNamedBy: (command) =>
    command.type === 'IssueLicense' ? { exporterId: command.data.application.exporterId } : null,
  startedBy: 'IssueLicense',
} satisfies Aggregate<LicenseCommand, LicenseEvent, LicenseState>;

export const controlMeasures = {
  name: 'control measure',
  decider: controlMeasureDecider,
  streamId: controlMeasureStreamId,
  eventSchema: ControlMeasureEvent,
  // The law is nobody's case data: it has no owner, so only roles whose scope is `all` reach it,
  // which is every role the table lets record policy.
  ownerOf: (state) => (state.status === 'unpublished' ? null : {}),
  ownerNamedBy: () => null,
  startedBy: 'PublishMeasure',
} satisfies Aggregate<ControlMeasureCommand, ControlMeasureEvent, ControlMeasureState>;

export const announcements = {
  name: 'announcement',
  decider: announcementDecider,
  streamId: announcementStreamId,
  eventSchema: AnnouncementEvent,
  // Public law, like the measures it acts on: no owner, so only roles whose scope is `all` reach it.
  ownerOf: (state) => (state.status === 'unrecorded' ? null : {}),
  ownerNamedBy: () => null,
  startedBy: 'RecordAnnouncement',
} satisfies Aggregate<AnnouncementCommand, AnnouncementEvent, AnnouncementState>;

export const parkedEvents = {
  name: 'parked event',
  decider: parkedEventDecider,
  streamId: parkedEventStreamId,
  eventSchema: ParkedEventDecision,
  // Ops bookkeeping is nobody's case data: no owner, so only roles whose scope is `all` reach it (ops).
  ownerOf: (state) => (state.status === 'undecided' ? null : {}),
  ownerNamedBy: () => null,
  // Either decision may come first; the other one on an empty stream is held to the same `all` scope.
  startedBy: 'RetryParkedEvent',
} satisfies Aggregate<ParkedEventCommand, ParkedEventDecision, ParkedEventState>;
