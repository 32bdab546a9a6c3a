import { ApplicationEvent, ControlMeasureEvent, LicenseEvent } from '@licensing/domain';
import type { RecordedEvent } from '@licensing/event-store';
import type { z } from 'zod';
import { MappingError } from './mapping-error';

/** The stream categories the relay publishes from; every other category has no public meaning. */
export type PublishedCategory = 'license' | 'application' | 'control-measure';

export function categoryOf(streamId: string): PublishedCategory | null {
  if (streamId.startsWith('license-')) return 'license';
  if (streamId.startsWith('application-')) return 'application';
  if (streamId.startsWith('control-measure-')) return 'control-measure';
  return null;
}

/**
 * zod at the edge: `data` read from the store is checked against the
 * domain schema for its type. Events must already be upcast to the
 * version the domain reads (the store's upcasters run before mapping).
 */
function parse<Schema extends z.ZodType>(schema: Schema, event: RecordedEvent): z.infer<Schema> {
  const parsed = schema.safeParse({ type: event.type, schemaVersion: event.version, data: event.data });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MappingError(
      event,
      `it does not match the domain schema (${issues}). Register an upcaster or fix the schema, then restart the relay.`,
    );
  }
  return parsed.data;
}

export const parseLicenseEvent = (event: RecordedEvent): LicenseEvent => parse(LicenseEvent, event);
export const parseApplicationEvent = (event: RecordedEvent): ApplicationEvent => parse(ApplicationEvent, event);
export const parseControlMeasureEvent = (event: RecordedEvent): ControlMeasureEvent =>
  parse(ControlMeasureEvent, event);
