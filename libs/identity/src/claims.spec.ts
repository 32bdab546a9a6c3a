import { actorFromClaims, claimAt, DEFAULT_CLAIMS } from './claims';
import { UnusableToken } from './identity-errors';

const ISS = 'https://sso.example.com/realms/licensing';
const refusal = (payload: Record<string, unknown>, claims = DEFAULT_CLAIMS) => {
  try {
    actorFromClaims(payload, claims);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('claims → actor', () => {
  it('reads a whole claim name before a dotted path', () => {
    const payload = { 'https://export-licensing.example/roles': ['auditor'], realm_access: { roles: ['reviewer'] } };
    expect(claimAt(payload, 'https://export-licensing.example/roles')).toEqual(['auditor']);
    expect(claimAt(payload, 'realm_access.roles')).toEqual(['reviewer']);
    expect(claimAt(payload, 'realm_access.missing.deeper')).toBeUndefined();
    expect(claimAt(payload, 'toString')).toBeUndefined();
  });

  it('maps the subject, the one role of ours, the issuer and the exporters', () => {
    expect(
      actorFromClaims(
        { iss: ISS, sub: 'li.wei', roles: ['exporter'], exporter_ids: ['ningbo-magnetics'] },
        DEFAULT_CLAIMS,
      ),
    ).toEqual({ id: 'li.wei', role: 'exporter', issuer: ISS, exporterIds: ['ningbo-magnetics'] });
    expect(
      actorFromClaims({ iss: ISS, sub: 'li.wei', roles: 'exporter', exporter_ids: 'a, b' }, DEFAULT_CLAIMS),
    ).toEqual({ id: 'li.wei', role: 'exporter', issuer: ISS, exporterIds: ['a', 'b'] });
  });

  it('ignores roles that are not ours (Keycloak realm roles) and exporters of non-exporters', () => {
    const keycloak = {
      iss: ISS,
      sub: '1d6c…',
      preferred_username: 'zhang.min',
      realm_access: { roles: ['offline_access', 'uma_authorization', 'default-roles-licensing', 'licensing_officer'] },
      exporter_ids: ['ningbo-magnetics'],
    };
    expect(
      actorFromClaims(keycloak, { ...DEFAULT_CLAIMS, subject: 'preferred_username', roles: 'realm_access.roles' }),
    ).toEqual({ id: 'zhang.min', role: 'licensing_officer', issuer: ISS });
  });

  it('reads an Auth0 namespaced roles claim and Entra ID app roles with oid as the subject', () => {
    const auth0 = { iss: 'https://t.eu.auth0.com/', sub: 'auth0|42', 'https://export-licensing/roles': ['auditor'] };
    expect(actorFromClaims(auth0, { ...DEFAULT_CLAIMS, roles: 'https://export-licensing/roles' }).role).toBe('auditor');
    const entra = { iss: 'https://login.microsoftonline.com/t/v2.0', sub: 'pairwise', oid: '8f1d-…', roles: ['ops'] };
    expect(actorFromClaims(entra, { ...DEFAULT_CLAIMS, subject: 'oid' })).toMatchObject({ id: '8f1d-…', role: 'ops' });
  });

  it.each([
    ['no role of ours', { sub: 'a', roles: ['offline_access'] }, 'auth.no_role', /none of this service's roles/],
    ['no roles claim', { sub: 'a' }, 'auth.no_role', /exactly one of exporter, licensing_officer/],
    ['several of ours', { sub: 'a', roles: ['auditor', 'reviewer'] }, 'auth.ambiguous_role', /auditor, reviewer/],
    ['system', { sub: 'a', roles: ['system'] }, 'auth.system_role', /No token may act as 'system'/],
    ['system beside a person role', { sub: 'a', roles: ['auditor', 'system'] }, 'auth.system_role', /system/],
    ['an exporter for nobody', { sub: 'a', roles: ['exporter'] }, 'auth.no_exporters', /exporter_ids/],
    ['no subject', { roles: ['auditor'] }, 'auth.no_subject', /'sub' claim/],
    ['a blank subject', { sub: ' ', roles: ['auditor'] }, 'auth.no_subject', /'sub' claim/],
  ])('refuses %s with a forbidden kind and a clear code', (_what, payload, code, message) => {
    const error = refusal({ iss: ISS, ...payload });
    expect(error).toBeInstanceOf(UnusableToken);
    expect(error).toMatchObject({ kind: 'forbidden', code, message: expect.stringMatching(message) });
  });
});
