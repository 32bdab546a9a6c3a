import type { RecordedEvent } from '@licensing/event-store';
import { ReadModelSchemaError } from '../parse-event';
import { applyProjection } from '../testing/apply-projection';
import { toRecorded } from '../testing/decided-events';
import { licensingStory } from '../testing/licensing-story';
import type { ApplicationDocument, LicenseDocument, LicenseStateDocument } from './license-state-documents';
import { licenseStateProjection } from './license-state-projection';
import { applicationView, licenseView } from './license-state-views';

const events = toRecorded(licensingStory().events);
const docs = () => applyProjection(licenseStateProjection, events);
const application = (id: string) => docs().get(`application:${id}`) as ApplicationDocument;
const license = (id: string) => docs().get(`license:${id}`) as LicenseDocument;

describe('license-state projection', () => {
  it('keeps one document per application and per license, and ignores other streams', () => {
    expect([...docs().keys()].sort()).toEqual([
      'application:app-1',
      'application:app-2',
      'application:app-3',
      'license:lic-1',
    ]);
  });

  it('records an approved application with its decision, reviewer, deadline, license and history', () => {
    const view = applicationView(application('app-1'), '2026-03-15');
    expect(view).toMatchObject({
      id: 'app-1',
      exporterId: 'exp-1',
      licenseType: 'individual',
      status: 'approved',
      submittedOn: '2026-01-06',
      reviewDeadline: '2026-03-11',
      reviewerId: 'reviewer-1',
      licenseId: 'lic-1',
      revision: 5,
    });
    expect(view.decision).toMatchObject({ outcome: 'approved', decidedOn: '2026-01-20', approverId: 'officer-2' });
    expect(view.decision?.record?.verdict).toBe('license_required');
    expect(view.decision?.measuresApplied.map((m) => m.measureId)).toContain('no-18-2025');
    expect(view.history.map((h) => [h.type, h.actor])).toEqual([
      ['ApplicationDrafted', 'exporter'],
      ['ApplicationSubmitted', 'exporter'],
      ['ApplicationAccepted', 'officer-1'],
      ['ReviewerAssigned', 'officer-1'],
      ['ReviewCompleted', 'reviewer-1'],
      ['ApplicationApproved', 'officer-2'],
      ['LicenseIssued', 'officer-1'],
    ]);
  });

  it('reads an open case as deadline_missed once its review deadline has passed, without any event', () => {
    const doc = application('app-2');
    expect(doc.reviewDeadline).toBe('2026-04-06');
    expect(applicationView(doc, '2026-04-06')).toMatchObject({ status: 'accepted', recordedStatus: 'accepted' });
    expect(applicationView(doc, '2026-04-07')).toMatchObject({ status: 'deadline_missed', recordedStatus: 'accepted' });
    expect(applicationView(application('app-3'), '2027-01-01').status).toBe('withdrawn');
  });

  it('tracks a license: quantities per line, shipments, suspension and its revision', () => {
    const view = licenseView(license('lic-1'), application('app-1'), '2026-03-15');
    expect(view).toMatchObject({
      applicationId: 'app-1',
      exporterId: 'exp-1',
      status: 'suspended',
      recordedStatus: 'suspended',
      validFrom: '2026-01-21',
      validUntil: '2026-06-30',
      issuedOn: '2026-01-21',
      suspension: {
        reason: 'End user under investigation',
        suspendedOn: '2026-03-02',
        until: '2026-04-01',
        inEffect: true,
      },
      revision: 2,
    });
    expect(view.items).toEqual([
      expect.objectContaining({ lineId: '1', unit: 'kg', licensed: 100, shipped: 30, remaining: 70 }),
    ]);
    expect(view.shipments).toEqual([
      {
        shipmentId: 'shp-1',
        shippedOn: '2026-02-01',
        customsDeclarationRef: 'CD-2026-0001',
        lines: [{ lineId: '1', quantity: 30 }],
        status: 'recorded',
        recordedLines: [{ lineId: '1', quantity: 30 }],
        changes: [],
      },
    ]);
    expect(view.decision?.outcome).toBe('approved');
  });

  it('reports the status that holds on a date: suspension lapsed, then expired', () => {
    const doc = license('lic-1');
    expect(licenseView(doc, null, '2026-04-01')).toMatchObject({
      status: 'active',
      recordedStatus: 'suspended',
      suspension: { inEffect: false },
    });
    expect(licenseView(doc, null, '2026-06-30').status).toBe('active');
    expect(licenseView(doc, null, '2026-07-01').status).toBe('expired');
  });

  it('applies an event it has already applied only once', () => {
    const shipment = events.find((e) => e.type === 'ShipmentRecorded') as RecordedEvent;
    const doc = license('lic-1');
    expect(licenseStateProjection.evolve(doc, shipment, 'license:lic-1')).toBe(doc);
  });

  it('stops with a clear error on an event that does not fit the domain schema', () => {
    const bad = { ...(events[2] as RecordedEvent), streamId: 'application-app-9', version: 2 };
    expect(() => licenseStateProjection.evolve(null as LicenseStateDocument | null, bad, 'application:app-9')).toThrow(
      ReadModelSchemaError,
    );
    expect(() => licenseStateProjection.evolve(null, bad, 'application:app-9')).toThrow(
      /ApplicationDrafted v2\) at application-app-9@0 .*schemaVersion.*upcaster/,
    );
  });
});
