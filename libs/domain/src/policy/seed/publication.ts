import { LegalDate } from '../../shared/dates';
import { MeasurePublished } from '../measure-events';
import { Provision } from '../provisions';
import { SeedEntry } from './seed-policy-event';

export interface Publication {
  readonly measureId: string;
  readonly title: string;
  readonly issuer: string;
  readonly announcementNumber: string;
  readonly publishedOn: LegalDate;
  readonly provisions: Provision[];
}

/** A seed entry publishing a measure, learned on its publication date. */
export function publish(p: Publication): SeedEntry {
  const event: MeasurePublished = { type: 'MeasurePublished', schemaVersion: 1, data: { ...p } };
  return { measureId: p.measureId, learnedOn: p.publishedOn, event };
}

/** A suspension ordered by another measure, recorded in the suspended measure's stream. */
export function suspension(args: {
  measureId: string;
  orderedBy: string;
  from: LegalDate;
  until: LegalDate;
  provisionIds?: string[];
}): SeedEntry {
  const { measureId, orderedBy, from, until, provisionIds } = args;
  return {
    measureId,
    learnedOn: from,
    event: {
      type: 'MeasureSuspended',
      schemaVersion: 1,
      data: { measureId, suspensionId: orderedBy, orderedBy, from, until, ...(provisionIds ? { provisionIds } : {}) },
    },
  };
}
