import { z } from 'zod';

export type NodePreference = 'leader' | 'follower' | 'random' | 'read_only_replica';

/** What a valid connection string says, with credentials kept out of `redacted`. */
export interface EventStoreConnectionSettings {
  /** `esdb+discover://`: the one host is a DNS name resolved to the cluster's gossip seeds. */
  readonly discover: boolean;
  readonly hosts: readonly { readonly host: string; readonly port: number }[];
  readonly hasCredentials: boolean;
  /** Default true: an `esdb://` string without `tls=false` expects a TLS server. */
  readonly tls: boolean;
  readonly nodePreference?: NodePreference;
  /** The option keys as written, with their values (credentials excluded). */
  readonly options: Readonly<Record<string, string>>;
  /** The string as given, with any password replaced by `***`: safe for logs. */
  readonly redacted: string;
}

export const CONNECTION_STRING_EXAMPLES =
  'esdb://127.0.0.1:2113?tls=false (one insecure local node), ' +
  'esdb://node1:2113,node2:2113,node3:2113?nodePreference=leader (gossip seeds), ' +
  'esdb+discover://admin:changeit@cluster.example.com:2113?tlsCAFile=/certs/ca.crt (DNS discovery)';

type OptionKind = 'boolean' | 'integer' | 'text' | 'nodePreference';

/** The client's options (parseConnectionString in @eventstore/db-client 6.2.1), by flattened key. */
const KNOWN_OPTIONS: Readonly<Record<string, { readonly key: string; readonly kind: OptionKind }>> = Object.fromEntries(
  (
    [
      ['tls', 'boolean'],
      ['tlsVerifyCert', 'boolean'],
      ['throwOnAppendFailure', 'boolean'],
      ['tlsCAFile', 'text'],
      ['userCertFile', 'text'],
      ['userKeyFile', 'text'],
      ['connectionName', 'text'],
      ['nodePreference', 'nodePreference'],
      ['maxDiscoverAttempts', 'integer'],
      ['defaultDeadline', 'integer'],
      ['discoveryInterval', 'integer'],
      ['gossipTimeout', 'integer'],
      ['keepAliveInterval', 'integer'],
      ['keepAliveTimeout', 'integer'],
    ] as const
  ).map(([key, kind]) => [flat(key), { key, kind }]),
);

const NODE_PREFERENCES: Readonly<Record<string, NodePreference>> = {
  leader: 'leader',
  follower: 'follower',
  random: 'random',
  readonlyreplica: 'read_only_replica',
};

/** The client matches option names ignoring case, '_' and '-'; so do we. */
function flat(key: string): string {
  return key.trim().toLowerCase().replace(/[_-]/g, '');
}

/**
 * Validates an EventStoreDB / KurrentDB connection string before the client
 * sees it. The client only warns about unknown options (a typo such as
 * `tsl=false` would silently connect with TLS on) and reports other mistakes
 * as a character position; this says what is wrong and shows valid strings.
 * It never echoes a password.
 */
export function parseEventStoreConnectionString(value: string): EventStoreConnectionSettings {
  const input = value.trim();
  const redacted = input.replace(/^([a-z+]+:\/\/[^:@/?]+:)[^@/?]*@/i, '$1***@');
  const fail = (reason: string): never => {
    throw new Error(
      `Invalid EventStoreDB connection string ${JSON.stringify(redacted)}: ${reason}. Valid examples: ${CONNECTION_STRING_EXAMPLES}.`,
    );
  };
  if (input.length === 0) fail('it is empty');
  const scheme = /^([a-z+]+):\/\//i.exec(input);
  if (!scheme) fail('it must start with esdb:// or esdb+discover://');
  const protocol = scheme![1]!.toLowerCase();
  if (protocol !== 'esdb' && protocol !== 'esdb+discover') {
    fail(`the scheme ${protocol}:// is not supported; use esdb:// (listed nodes) or esdb+discover:// (DNS discovery)`);
  }
  const rest = input.slice(scheme![0].length).replace(/\/+(?=\?|$)/, '');
  const queryAt = rest.indexOf('?');
  const authority = queryAt === -1 ? rest : rest.slice(0, queryAt);
  const query = queryAt === -1 ? '' : rest.slice(queryAt + 1);

  const at = authority.lastIndexOf('@');
  const credentials = at === -1 ? undefined : authority.slice(0, at);
  if (credentials !== undefined && !/^[^:]+:.+$/.test(credentials))
    fail('credentials must be written username:password@');
  const hostList = at === -1 ? authority : authority.slice(at + 1);
  if (hostList.length === 0) fail('it names no host');
  const hosts = hostList.split(',').map((entry) => parseHost(entry, fail));
  const discover = protocol === 'esdb+discover';
  if (discover && hosts.length > 1) {
    fail(
      'esdb+discover:// takes one DNS name that resolves to the cluster; to list nodes use esdb://node1:2113,node2:2113',
    );
  }

  const options: Record<string, string> = {};
  let tls = true;
  let nodePreference: NodePreference | undefined;
  for (const pair of query.length === 0 ? [] : query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1) fail(`option ${JSON.stringify(pair)} must be written key=value`);
    const rawKey = pair.slice(0, eq);
    const raw = decodeURIComponent(pair.slice(eq + 1)).trim();
    const known = KNOWN_OPTIONS[flat(rawKey)];
    if (!known)
      fail(
        `unknown option ${JSON.stringify(rawKey)}; known options are ${Object.values(KNOWN_OPTIONS)
          .map((o) => o.key)
          .join(', ')}`,
      );
    if (known!.key in options) fail(`option ${known!.key} is given twice`);
    checkValue(known!.key, known!.kind, raw, fail);
    options[known!.key] = raw;
    if (known!.key === 'tls') tls = raw === 'true';
    if (known!.key === 'nodePreference') nodePreference = NODE_PREFERENCES[flat(raw)];
  }
  if ('userCertFile' in options !== 'userKeyFile' in options)
    fail('userCertFile and userKeyFile must be given together');
  if (!tls && 'tlsCAFile' in options) fail('tlsCAFile has no effect with tls=false; drop one of them');

  return { discover, hosts, hasCredentials: credentials !== undefined, tls, nodePreference, options, redacted };
}

function parseHost(entry: string, fail: (reason: string) => never): { host: string; port: number } {
  const match = /^([A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::(\d+))?$/.exec(entry.trim());
  if (!match) return fail(`${JSON.stringify(entry)} is not a host or host:port`);
  const port = match[2] === undefined ? 2113 : Number(match[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`port ${match[2]} of ${match[1]} is not between 1 and 65535`);
  return { host: match[1]!, port };
}

function checkValue(key: string, kind: OptionKind, value: string, fail: (reason: string) => never): void {
  switch (kind) {
    case 'boolean':
      if (value !== 'true' && value !== 'false') fail(`${key} must be true or false, not ${JSON.stringify(value)}`);
      return;
    case 'integer':
      if (!/^\d+$/.test(value))
        fail(`${key} must be a whole number of milliseconds (or attempts), not ${JSON.stringify(value)}`);
      return;
    case 'nodePreference':
      if (!(flat(value) in NODE_PREFERENCES))
        fail(`nodePreference must be leader, follower, random or read_only_replica, not ${JSON.stringify(value)}`);
      return;
    case 'text':
      if (value.length === 0) fail(`${key} is empty`);
      return;
  }
}

/**
 * For the service's config schema: validates the string and keeps it as
 * given (the client parses it again), reporting our message as the issue.
 */
export const eventStoreConnectionStringSchema = z.string().superRefine((value, ctx) => {
  try {
    parseEventStoreConnectionString(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
  }
});
