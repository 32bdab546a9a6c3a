import {
  ApplicationDecidedV1,
  ContractMessage,
  contractMessageTypes,
  contractSchemas,
  HeaderNames,
  IntegrationEvent,
  LicenseIssuedV1,
  LicenseStateV1,
  toContractRecord,
  Topics,
  topicSpecs,
} from './index';
import { sampleContractMessages } from './testing';

describe('contract schemas', () => {
  const samples = sampleContractMessages();

  it.each(contractMessageTypes)('%s: the sample is valid for its own schema and the union', (type) => {
    const sample = samples[type];
    expect(contractSchemas[type].parse(sample)).toEqual(sample);
    expect(ContractMessage.parse(sample)).toEqual(sample);
  });

  it('keeps the compacted state out of the event union', () => {
    expect(IntegrationEvent.safeParse(samples['license.issued']).success).toBe(true);
    expect(IntegrationEvent.safeParse(samples['license.state']).success).toBe(false);
  });

  it('refuses a message whose subject kind does not fit its type', () => {
    const wrong = { ...samples['license.issued'], subject: { kind: 'application', id: 'lic-1' } };
    expect(LicenseIssuedV1.safeParse(wrong).success).toBe(false);
  });

  it('refuses a version other than 1 and a date that is not a calendar date', () => {
    expect(LicenseIssuedV1.safeParse({ ...samples['license.issued'], version: 2 }).success).toBe(false);
    const data = { ...samples['license.issued'].data, validUntil: '2026-02-30' };
    expect(LicenseIssuedV1.safeParse({ ...samples['license.issued'], data }).success).toBe(false);
  });

  it('refuses a position that is not a decimal string, since positions can exceed 2^53', () => {
    expect(LicenseIssuedV1.safeParse({ ...samples['license.issued'], sourcePosition: 12 }).success).toBe(false);
    expect(LicenseIssuedV1.safeParse({ ...samples['license.issued'], sourcePosition: '-1' }).success).toBe(false);
  });

  it('reads a message carrying a field added later (additive change) and drops what it does not know', () => {
    const newer = { ...samples['license.suspended'], data: { ...samples['license.suspended'].data, caseRef: 'INV-7' } };
    const parsed = contractSchemas['license.suspended'].parse(newer);
    expect(parsed.data).toEqual(samples['license.suspended'].data);
  });

  it('tells approvals from rejections, and lets a rejection have no rule evaluation', () => {
    const approved = samples['application.decided'];
    const rejected = {
      ...approved,
      data: {
        outcome: 'rejected',
        applicationId: 'app-1',
        exporterId: 'exp-1',
        decidedOn: '2026-01-20',
        decidedBy: 'officer-2',
        reasons: ['Incomplete end-user certificate'],
        basis: null,
      },
    };
    expect(ApplicationDecidedV1.parse(rejected).data.outcome).toBe('rejected');
    const approvedWithoutBasis = { ...approved, data: { ...approved.data, basis: null } };
    expect(ApplicationDecidedV1.safeParse(approvedWithoutBasis).success).toBe(false);
  });

  it('requires a state snapshot to name the event and position it reflects', () => {
    const { lastEventId: _dropped, ...data } = samples['license.state'].data;
    expect(LicenseStateV1.safeParse({ ...samples['license.state'], data }).success).toBe(false);
  });
});

describe('routing', () => {
  const samples = sampleContractMessages();

  it('keys every record by its subject id and names the event in headers', () => {
    const record = toContractRecord(samples['license.shipment-recorded']);
    expect(record).toMatchObject({ topic: Topics.licenseEvents, key: 'lic-1' });
    expect(record.headers).toEqual({
      [HeaderNames.eventId]: samples['license.shipment-recorded'].eventId,
      [HeaderNames.eventType]: 'license.shipment-recorded',
      [HeaderNames.eventVersion]: '1',
      [HeaderNames.contentType]: 'application/json',
    });
  });

  it('sends each family to its topic', () => {
    expect(toContractRecord(samples['application.decided']).topic).toBe('export-licensing.application-events.v1');
    expect(toContractRecord(samples['control-measure.changed']).topic).toBe('export-licensing.policy-events.v1');
    expect(toContractRecord(samples['control-measure.changed']).key).toBe('no-61-2025');
    expect(toContractRecord(samples['license.state']).topic).toBe('export-licensing.license-state.v1');
  });

  it('creates the state topic compacted and the event topics with time retention', () => {
    const policy = (topic: string) =>
      topicSpecs.find((spec) => spec.topic === topic)?.configEntries.find((entry) => entry.name === 'cleanup.policy')
        ?.value;
    expect(policy(Topics.licenseState)).toBe('compact');
    expect(policy(Topics.licenseEvents)).toBe('delete');
    expect(policy(Topics.applicationEvents)).toBe('delete');
    expect(policy(Topics.policyEvents)).toBe('delete');
    expect(new Set(topicSpecs.map((spec) => spec.topic))).toEqual(new Set(Object.values(Topics)));
  });
});
