import { EVENT_TYPE, eventTypeFilter, excludeSystemEvents, STREAM_NAME } from '@eventstore/db-client';
import { exactAlternatives, isSystemEvent, toServerFilter } from './filters';

describe('subscription filter mapping', () => {
  it('without a filter, the server still drops system events', () => {
    expect(toServerFilter(undefined)).toEqual(excludeSystemEvents());
    expect(toServerFilter({})).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
  });

  it('stream prefixes become a prefix filter on the stream name', () => {
    expect(toServerFilter({ streamPrefixes: ['license-', 'application-'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['license-', 'application-'],
    });
  });

  it('event types become an exact-match regex on the type', () => {
    expect(toServerFilter({ eventTypes: ['LicenseIssued', 'LicenseRevoked'] })).toEqual(
      eventTypeFilter({ regex: '^(?:LicenseIssued|LicenseRevoked)$' }),
    );
  });

  it('with both parts, the server filters by prefix (types are checked by the subscription)', () => {
    expect(toServerFilter({ streamPrefixes: ['license-'], eventTypes: ['LicenseIssued'] })).toMatchObject({
      filterOn: STREAM_NAME,
      prefixes: ['license-'],
    });
  });

  it('empty lists let nothing through, as in the port', () => {
    expect(toServerFilter({ streamPrefixes: [] })).toMatchObject({ filterOn: STREAM_NAME, regex: '^(?!)' });
    expect(toServerFilter({ eventTypes: [] })).toMatchObject({ filterOn: EVENT_TYPE, regex: '^(?!)' });
    expect(['license-1', '', '$stats'].some((value) => /^(?!)/.test(value))).toBe(false);
  });

  it('escapes regex characters in type names, so a type only matches itself', () => {
    const regex = new RegExp(exactAlternatives(['Policy.Amended', 'a+b', 'x|y']));
    expect(['Policy.Amended', 'a+b', 'x|y'].every((type) => regex.test(type))).toBe(true);
    expect(['PolicyXAmended', 'aab', 'x', 'Policy.Amended2'].some((type) => regex.test(type))).toBe(false);
  });

  it("treats '$'-prefixed streams and types as system events", () => {
    expect(isSystemEvent('$stats-127.0.0.1:2113', 'ServerStats')).toBe(true);
    expect(isSystemEvent('$ce-license', '$>')).toBe(true);
    expect(isSystemEvent('license-1', '$metadata')).toBe(true);
    expect(isSystemEvent('license-1', 'LicenseIssued')).toBe(false);
  });
});
