import {
  applicationDecider,
  ApplicationEvent,
  applicationStreamId,
  controlMeasureDecider,
  ControlMeasureEvent,
  controlMeasureStreamId,
  exporterDecider,
  ExporterEvent,
  exporterStreamId,
  licenseDecider,
  LicenseEvent,
  licenseStreamId,
} from '@licensing/domain';
import type { Aggregate } from './aggregate';

export const exporters = {
  name: 'exporter',
  decider: exporterDecider,
  streamId: exporterStreamId,
  eventSchema: ExporterEvent,
} satisfies Aggregate<unknown, ExporterEvent, unknown>;

export const applications = {
  name: 'application',
  decider: applicationDecider,
  streamId: applicationStreamId,
  eventSchema: ApplicationEvent,
} satisfies Aggregate<unknown, ApplicationEvent, unknown>;

export const licenses = {
  name: 'license',
  decider: licenseDecider,
  streamId: licenseStreamId,
  eventSchema: LicenseEvent,
} satisfies Aggregate<unknown, LicenseEvent, unknown>;

export const controlMeasures = {
  name: 'control measure',
  decider: controlMeasureDecider,
  streamId: controlMeasureStreamId,
  eventSchema: ControlMeasureEvent,
} satisfies Aggregate<unknown, ControlMeasureEvent, unknown>;
