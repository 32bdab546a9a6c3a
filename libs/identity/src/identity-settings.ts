import { z } from 'zod';

/** The `iss` of the service's own embedded issuer (local-issuer.ts), the default AUTH_ISSUER. */
export const LOCAL_ISSUER_ID = 'urn:export-licensing:local-issuer';
/** The `aud` tokens must name unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_AUDIENCE = 'export-licensing';

/**
 * The signature algorithms a verifier may be told to accept: asymmetric
 * ones only. `none` accepts unsigned tokens, and an HS* algorithm is a MAC
 * keyed with a shared secret: a verifier that holds public keys and accepted
 * HS256 could be fooled by a token "signed" with the public key itself.
 */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
export type Algorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

const algorithmList = z
  .string()
  .default('RS256,PS256,ES256,EdDSA')
  .transform((value, ctx): Algorithm[] => {
    const names = value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    for (const name of names) {
      if (/^none$/i.test(name)) {
        ctx.addIssue({ code: 'custom', message: "'none' would accept unsigned tokens; it is never allowed" });
      } else if (/^HS\d+$/i.test(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} is a shared-secret algorithm: anyone holding the public key could sign with it; use asymmetric algorithms only (${ASYMMETRIC_ALGORITHMS.join(', ')})`,
        });
      } else if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown algorithm '${name}'; use any of ${ASYMMETRIC_ALGORITHMS.join(', ')}`,
        });
      }
    }
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: 'name at least one algorithm, e.g. RS256' });
    return names as Algorithm[];
  });

/** A claim name, or a dotted path into nested claims (Keycloak's `realm_access.roles`). */
const claimName = z.string().trim().min(1).max(200);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * How the service authenticates callers, from the environment; the service
 * merges these into its settings. Tokens are verified OAuth 2 / OpenID
 * Connect JWTs: by default from the embedded local issuer (keys in
 * DATA_DIR), or from an identity provider's JWKS (AUTH_JWKS_URL), or with
 * one public key (AUTH_PUBLIC_KEY_FILE).
 */
export const IdentitySettings = z.object({
  /** The `iss` a token must carry. Default: the local issuer's id; required with AUTH_JWKS_URL / AUTH_PUBLIC_KEY_FILE. */
  AUTH_ISSUER: z.string().trim().min(1).optional(),
  /** The `aud` a token must name (the API's identifier or client id at the IdP). */
  AUTH_AUDIENCE: z.string().trim().min(1).default(DEFAULT_AUDIENCE),
  /** An identity provider's JWKS; keys rotate by `kid` (an unknown `kid` refetches, at most every 30 s). */
  AUTH_JWKS_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL of the identity provider’s JWKS' })
    .refine((url) => url.startsWith('https:') || LOOPBACK.has(new URL(url).host.replace(/:\d+$/, '')), {
      message: 'https is required (plain http only on loopback): keys fetched in clear text could be swapped',
    })
    .optional(),
  /** A PEM (SPKI) public key file, for an issuer without a JWKS endpoint. */
  AUTH_PUBLIC_KEY_FILE: z.string().trim().min(1).optional(),
  /** The signature algorithms accepted, comma-separated; asymmetric only. */
  AUTH_ALGORITHMS: algorithmList,
  /** Clock difference tolerated between the issuer and this service, for exp and nbf. */
  AUTH_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  /** The claim naming the user (Entra ID: `oid` is stable across apps; `sub` is per app). */
  AUTH_SUBJECT_CLAIM: claimName.default('sub'),
  /** Where the roles are: `roles`, Keycloak `realm_access.roles`, Auth0 a namespaced claim. */
  AUTH_ROLES_CLAIM: claimName.default('roles'),
  /** The exporters an exporter user acts for: a string or an array of exporter ids. */
  AUTH_EXPORTERS_CLAIM: claimName.default('exporter_ids'),
});
export type IdentitySettings = z.infer<typeof IdentitySettings>;

/**
 * The checks across variables, for the app's `superRefine`: one key source
 * at most, and an explicit issuer with an external one (the default issuer
 * is the local one, which no identity provider ever names).
 */
export function checkIdentitySettings(settings: IdentitySettings, ctx: z.RefinementCtx): void {
  if (settings.AUTH_JWKS_URL !== undefined && settings.AUTH_PUBLIC_KEY_FILE !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_PUBLIC_KEY_FILE'],
      message: 'set AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE, not both',
    });
  }
  if (!usesLocalIssuer(settings) && settings.AUTH_ISSUER === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['AUTH_ISSUER'],
      message: 'required with an external key source: the `iss` your identity provider puts in its tokens',
    });
  }
}

/** True when the service verifies its own embedded issuer's tokens (no external key source configured). */
export function usesLocalIssuer(settings: Pick<IdentitySettings, 'AUTH_JWKS_URL' | 'AUTH_PUBLIC_KEY_FILE'>): boolean {
  return settings.AUTH_JWKS_URL === undefined && settings.AUTH_PUBLIC_KEY_FILE === undefined;
}
