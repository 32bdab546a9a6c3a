import { ContractMessage, contractSchemas, type ContractRecord, HeaderNames, topicOfType } from '@licensing/contracts';

/** Every record must be valid for its own schema and routed, keyed and labelled as the contract says. */
export function expectHonoursContract(record: ContractRecord): void {
  const { value } = record;
  expect(contractSchemas[value.type].parse(value)).toEqual(value);
  expect(ContractMessage.parse(value)).toEqual(value);
  expect(record.topic).toBe(topicOfType[value.type]);
  expect(record.key).toBe(value.subject.id);
  expect(record.headers[HeaderNames.eventId]).toBe(value.eventId);
  expect(record.headers[HeaderNames.eventType]).toBe(value.type);
  expect(record.headers[HeaderNames.eventVersion]).toBe('1');
  // The wire form is JSON, so it must survive a round trip unchanged.
  expect(JSON.parse(JSON.stringify(value))).toEqual(value);
}
