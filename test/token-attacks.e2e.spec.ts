import { mintLocalToken } from '@licensing/identity';
import {
  exporterUser,
  magnetApplication,
  registerNingbo,
  type Reply,
  type ServiceClient,
} from '@licensing/service-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventCount } from './support/access-event-count';
import { ServiceProcess } from './support/service-process';
import { TokenForge, VICTIM, victimClaims } from './support/token-attacks-tokens';

/**
 * Forged, stolen-looking and misused bearer tokens against the built
 * service in its own process, the service being its own issuer (the
 * Ed25519 key in its DATA_DIR). Each attack is sent to a command (drafting
 * an application for the victim's exporter, which a token that got through
 * would store) and to a read (the victim's own application), and must be
 * refused as documented: 401 with a Bearer challenge for a token that does
 * not verify, 403 for a genuine token that names no usable actor, both as
 * problem details with a stable code. Nothing is stored, and a valid token
 * still works at the end.
 */

const CLOCK = '2026-11-23T02:00:00Z';
const REALM = 'Bearer realm="export-licensing"';
/** The victim's own application: a read any token that passed for li.wei would get. */
const READ_TARGET = 'ta-victim-app';

interface Credentials {
  readonly headers?: Record<string, string>;
  readonly query?: string;
  /** The token sent, which no answer may echo. */
  readonly token?: string;
}

interface Attack {
  readonly name: string;
  readonly status: 401 | 403;
  readonly code: string;
  /** The `error` of the 401's Bearer challenge (RFC 6750); null: a bare challenge (no token at all). */
  readonly challenge?: 'invalid_token' | 'invalid_request' | null;
  readonly credentials: (forge: TokenForge, jwksText: string) => Promise<Credentials>;
}

const bearer = (token: string): Credentials => ({ headers: { Authorization: `Bearer ${token}` }, token });
const without = (claim: string) => {
  const claims = victimClaims();
  delete claims[claim];
  return claims;
};

/** Signed by another local issuer (another DATA_DIR): a genuine key, just not this service's. */
async function foreignIssuerToken(): Promise<string> {
  const other = mkdtempSync(join(tmpdir(), 'token-attacks-foreign-'));
  try {
    return await mintLocalToken(other, { sub: VICTIM.sub, role: VICTIM.role, exporterIds: [...VICTIM.exporterIds] });
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
}

const unauthenticated = (code: string, challenge: Attack['challenge'] = 'invalid_token') =>
  ({ status: 401, code, challenge }) as const;
const unusable = (code: string) => ({ status: 403, code }) as const;

const attacks: readonly Attack[] = [
  // Where the token is, and how it is sent.
  {
    name: 'no token at all',
    ...unauthenticated('request.unauthenticated', null),
    credentials: async () => ({}),
  },
  {
    name: 'a valid token in the query string (access_token) instead of the header',
    ...unauthenticated('request.unauthenticated', null),
    credentials: async (forge) => {
      const token = await forge.valid();
      return { query: `access_token=${token}`, token };
    },
  },
  {
    name: 'malformed Authorization: Basic credentials',
    ...unauthenticated('auth.malformed_authorization', 'invalid_request'),
    credentials: async () => ({ headers: { Authorization: 'Basic bGkud2VpOnNlY3JldA==' } }),
  },
  {
    name: 'malformed Authorization: the scheme without a token',
    ...unauthenticated('auth.malformed_authorization', 'invalid_request'),
    credentials: async () => ({ headers: { Authorization: 'Bearer' } }),
  },
  {
    name: 'malformed Authorization: a valid token without the Bearer scheme',
    ...unauthenticated('auth.malformed_authorization', 'invalid_request'),
    credentials: async (forge) => {
      const token = await forge.valid();
      return { headers: { Authorization: token }, token };
    },
  },
  {
    name: 'malformed Authorization: two valid tokens',
    ...unauthenticated('auth.malformed_authorization', 'invalid_request'),
    credentials: async (forge) => {
      const token = await forge.valid();
      return { headers: { Authorization: `Bearer ${token} ${token}` }, token };
    },
  },
  // Signatures and keys.
  {
    name: 'signed by another Ed25519 key under the local issuer’s kid',
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge) => bearer(await forge.otherKeySameKid()),
  },
  {
    name: 'alg none (unsigned)',
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge) => bearer(forge.unsigned()),
  },
  {
    name: 'the attacker’s key embedded in the header (jwk)',
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge) => bearer(await forge.embeddedJwk()),
  },
  {
    name: 'a genuine token with its payload edited (role licensing_officer)',
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge) => bearer(await forge.tampered()),
  },
  {
    name: 'the local issuer’s own key under a kid it does not publish',
    ...unauthenticated('auth.unknown_key'),
    credentials: async (forge) => bearer(await forge.unknownKid()),
  },
  {
    name: 'another issuer’s key (a second local issuer, same iss and aud)',
    ...unauthenticated('auth.unknown_key'),
    credentials: async () => bearer(await foreignIssuerToken()),
  },
  ...(['jwk-json', 'raw-x', 'jwks-document', 'spki-pem'] as const).map((secret): Attack => ({
    name: `HS256 with the public key as the HMAC secret (${secret})`,
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge, jwksText) => bearer(await forge.hmacWithPublicKey(secret, jwksText)),
  })),
  // Claims the verifier checks.
  {
    name: 'expired an hour ago',
    ...unauthenticated('auth.token_expired'),
    credentials: async (forge) =>
      bearer(await forge.minted({ now: new Date(Date.now() - 2 * 3600_000), ttlSeconds: 3600 })),
  },
  {
    name: 'not valid for another ten minutes (nbf beyond the 30 s skew)',
    ...unauthenticated('auth.token_not_yet_valid'),
    credentials: async (forge) => bearer(await forge.minted({ now: new Date(Date.now() + 600_000) })),
  },
  {
    name: 'no exp (a token that never expires)',
    ...unauthenticated('auth.invalid_token'),
    credentials: async (forge) => bearer(await forge.genuine(without('exp'))),
  },
  {
    name: 'another issuer (iss)',
    ...unauthenticated('auth.wrong_issuer'),
    credentials: async (forge) => bearer(await forge.minted({ issuer: 'https://login.example.com/' })),
  },
  {
    name: 'another audience (aud)',
    ...unauthenticated('auth.wrong_audience'),
    credentials: async (forge) => bearer(await forge.minted({ audience: 'customs-gate' })),
  },
  // Genuine signatures on claims that name no usable actor.
  {
    name: 'claiming the system role',
    ...unusable('auth.system_role'),
    credentials: async (forge) =>
      bearer(await forge.genuine(victimClaims({ sub: 'scheduler', roles: ['system'], exporter_ids: [] }))),
  },
  {
    name: 'none of the service’s roles',
    ...unusable('auth.no_role'),
    credentials: async (forge) => bearer(await forge.genuine(victimClaims({ roles: ['offline_access'] }))),
  },
  {
    name: 'two of the service’s roles',
    ...unusable('auth.ambiguous_role'),
    credentials: async (forge) =>
      bearer(await forge.genuine(victimClaims({ roles: ['exporter', 'licensing_officer'] }))),
  },
  {
    name: 'an exporter user acting for no exporter',
    ...unusable('auth.no_exporters'),
    credentials: async (forge) => bearer(await forge.genuine(without('exporter_ids'))),
  },
  {
    name: 'no subject',
    ...unusable('auth.no_subject'),
    credentials: async (forge) => bearer(await forge.genuine(without('sub'))),
  },
];

const contentType = (reply: Reply) => reply.headers.get('content-type') ?? '';

describe('token attacks against the built service (its own local issuer)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-attacks-'));
  const service = new ServiceProcess(dataDir, { CLOCK_FIXED_AT: CLOCK });
  let client: ServiceClient;
  let events: EventCount;
  let forge: TokenForge;
  let jwksText: string;
  let eventsBefore = -1;
  const observed: string[] = [];

  beforeAll(async () => {
    client = await service.start();
    events = new EventCount(dataDir);
    forge = await TokenForge.of(dataDir);
    jwksText = await (await fetch(`${client.url}/.well-known/jwks.json`)).text();
    // The victim's exporter and one of its applications: what a forged token would act on.
    for (const [path, body] of [
      ['/exporters', registerNingbo],
      ['/applications', magnetApplication(READ_TARGET)],
    ] as const) {
      const reply = await client.post(path, exporterUser, body);
      if (reply.status !== 201) throw new Error(`fixture: POST ${path} answered ${reply.status}`);
    }
    eventsBefore = events.now();
  }, 120_000);

  afterAll(async () => {
    events?.close();
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
    if (observed.length > 0)
      console.log(`token attacks (command POST /applications · read GET /applications/{id}):\n${observed.join('\n')}`);
  });

  it('works from the key the service publishes', () => {
    expect(JSON.parse(jwksText)).toEqual({ keys: [forge.publicJwk] });
  });

  it.each(attacks.map((attack, index) => ({ ...attack, index })))(
    'refuses $name: $status $code, on a command and a read, storing nothing',
    async (attack) => {
      const credentials = await attack.credentials(forge, jwksText);
      const headers = credentials.headers ?? {};
      const query = credentials.query === undefined ? '' : `?${credentials.query}`;
      const before = events.now();
      const command = await client.post(
        `/applications${query}`,
        null,
        magnetApplication(`ta-attack-${attack.index}`),
        headers,
      );
      const read = await client.get(`/applications/${READ_TARGET}${query}`, null, headers);
      const stored = events.now() - before;
      observed.push(
        `  ${attack.name}: ${command.status} ${command.body?.code} · ${read.status} ${read.body?.code}` +
          (command.headers.get('www-authenticate') ? ` · ${command.headers.get('www-authenticate')}` : ''),
      );
      const challenge =
        attack.status === 401 ? REALM + (attack.challenge ? `, error="${attack.challenge}"` : '') : null;
      for (const [what, reply] of [
        ['command', command],
        ['read', read],
      ] as const) {
        expect({
          what,
          status: reply.status,
          code: reply.body?.code,
          problem: /^application\/problem\+json/.test(contentType(reply)),
          challenge: reply.headers.get('www-authenticate'),
        }).toEqual({ what, status: attack.status, code: attack.code, problem: true, challenge });
        // Refusals say what to do and never echo the token, not even a token sent in the query string.
        if (credentials.token !== undefined) expect(JSON.stringify(reply.body ?? {})).not.toContain(credentials.token);
      }
      expect(stored).toBe(0);
    },
  );

  it('stored nothing across every attack', () => {
    expect(events.now()).toBe(eventsBefore);
  });

  it('still serves a valid token for the same command and read (the attacks broke nothing)', async () => {
    const headers = { Authorization: `Bearer ${await forge.valid()}` };
    const command = await client.post('/applications', null, magnetApplication('ta-after-the-attacks'), headers);
    expect(command.status).toBe(201);
    const read = await client.get(`/applications/${READ_TARGET}`, null, headers);
    expect({ status: read.status, id: read.body?.id }).toEqual({ status: 200, id: READ_TARGET });
    expect(events.now()).toBe(eventsBefore + 1);
  });
});
