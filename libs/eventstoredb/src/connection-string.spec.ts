import { EventStoreDBClient } from '@eventstore/db-client';
import { eventStoreConnectionStringSchema, parseEventStoreConnectionString } from './connection-string';

describe('parseEventStoreConnectionString', () => {
  it.each([
    ['esdb://127.0.0.1:2113?tls=false', { discover: false, tls: false, hosts: [{ host: '127.0.0.1', port: 2113 }] }],
    ['esdb://localhost', { discover: false, tls: true, hosts: [{ host: 'localhost', port: 2113 }] }],
    [
      'esdb://node1:2111,node2:2112,node3:2113?tls=false&nodePreference=follower',
      {
        nodePreference: 'follower',
        hosts: [
          { host: 'node1', port: 2111 },
          { host: 'node2', port: 2112 },
          { host: 'node3', port: 2113 },
        ],
      },
    ],
    [
      'esdb+discover://cluster.example.com:2113?nodePreference=leader&tlsCAFile=/certs/ca.crt',
      { discover: true, tls: true, nodePreference: 'leader' },
    ],
    [
      'esdb://127.0.0.1:2113?tls=false&NODE_PREFERENCE=Read_Only_Replica&keepAliveInterval=5000',
      { nodePreference: 'read_only_replica' },
    ],
    ['esdb://[::1]:2113/?tls=false', { hosts: [{ host: '[::1]', port: 2113 }] }],
  ])('accepts %s', (value, expected) => {
    expect(parseEventStoreConnectionString(value)).toMatchObject(expected);
  });

  it('accepts only strings the client itself accepts, so the adapter never fails later on the same string', async () => {
    for (const value of [
      'esdb://127.0.0.1:2113?tls=false',
      'esdb://a:1,b:2?tls=false&nodePreference=random',
      'esdb+discover://admin:changeit@db.local:2113?tls=false',
    ]) {
      parseEventStoreConnectionString(value);
      const client = EventStoreDBClient.connectionString(value);
      await client.dispose();
    }
  });

  it('keeps credentials out of its answer and of every message', () => {
    const parsed = parseEventStoreConnectionString('esdb://admin:s3cret@db.local:2113?tls=false');
    expect(parsed).toMatchObject({ hasCredentials: true, redacted: 'esdb://admin:***@db.local:2113?tls=false' });
    expect(JSON.stringify(parsed)).not.toContain('s3cret');
    expect(() => parseEventStoreConnectionString('esdb://admin:s3cret@db.local:2113?tsl=false')).toThrow(
      /admin:\*\*\*@/,
    );
    expect(() => parseEventStoreConnectionString('esdb://admin:s3cret@db.local:2113?tsl=false')).not.toThrow(/s3cret/);
  });

  it.each([
    ['', /it is empty/],
    ['127.0.0.1:2113', /must start with esdb:\/\/ or esdb\+discover:\/\//],
    ['http://127.0.0.1:2113', /scheme http:\/\/ is not supported/],
    ['esdb://?tls=false', /names no host/],
    ['esdb://127.0.0.1:99999', /port 99999 of 127.0.0.1 is not between 1 and 65535/],
    ['esdb://127.0.0.1:21a3', /is not a host or host:port/],
    ['esdb://127.0.0.1:2113?tsl=false', /unknown option "tsl"; known options are tls, /],
    ['esdb://127.0.0.1:2113?tls=no', /tls must be true or false, not "no"/],
    [
      'esdb://127.0.0.1:2113?nodePreference=primary',
      /nodePreference must be leader, follower, random or read_only_replica/,
    ],
    ['esdb://127.0.0.1:2113?defaultDeadline=10s', /defaultDeadline must be a whole number/],
    ['esdb://127.0.0.1:2113?tls', /must be written key=value/],
    ['esdb://127.0.0.1:2113?tls=false&tls=true', /tls is given twice/],
    ['esdb://127.0.0.1:2113?userCertFile=/c.crt', /userCertFile and userKeyFile must be given together/],
    ['esdb://127.0.0.1:2113?tls=false&tlsCAFile=/ca.crt', /tlsCAFile has no effect with tls=false/],
    ['esdb+discover://a.example.com,b.example.com', /esdb\+discover:\/\/ takes one DNS name/],
    ['esdb://admin@127.0.0.1', /credentials must be written username:password@/],
  ])('refuses %j, saying why and showing valid strings', (value, reason) => {
    expect(() => parseEventStoreConnectionString(value)).toThrow(reason);
    expect(() => parseEventStoreConnectionString(value)).toThrow(
      /Valid examples: esdb:\/\/127\.0\.0\.1:2113\?tls=false/,
    );
  });
});

describe('eventStoreConnectionStringSchema', () => {
  it('passes a valid string through unchanged and reports an invalid one with the same message', () => {
    expect(eventStoreConnectionStringSchema.parse('esdb://127.0.0.1:2113?tls=false')).toBe(
      'esdb://127.0.0.1:2113?tls=false',
    );
    const result = eventStoreConnectionStringSchema.safeParse('esdb://127.0.0.1:2113?tsl=false');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/unknown option "tsl"/);
  });
});
