// Who is calling: verified OAuth 2 / OpenID Connect bearer tokens (jose),
// mapped to the domain's Actor, and the embedded local issuer that signs
// tokens when no identity provider is configured. An adapter: it knows
// tokens and keys, not HTTP; the service maps its refusals to 401 / 403.
export {
  ASYMMETRIC_ALGORITHMS,
  checkIdentitySettings,
  DEFAULT_AUDIENCE,
  IdentitySettings,
  LOCAL_ISSUER_ID,
  usesLocalIssuer,
} from './identity-settings';
export type { Algorithm } from './identity-settings';
export { IdentityError, InvalidToken, KeysUnavailable, UnusableToken } from './identity-errors';
export { actorFromClaims, claimAt, DEFAULT_CLAIMS } from './claims';
export type { ClaimNames } from './claims';
export { createTokenVerifier } from './token-verifier';
export type { KeySource, TokenVerifier, VerifierOptions } from './token-verifier';
export { ensureLocalIssuer, LOCAL_ISSUER_KEY_FILE, mintLocalToken, signLocalToken } from './local-issuer';
export type { LocalTokenRequest } from './local-issuer';
export { openIdentity } from './open-identity';
export type { Identity } from './open-identity';
export { AuthorizationCodes, GrantRefused, pkceChallenge } from './authorization-codes';
export type { CodeGrant } from './authorization-codes';
