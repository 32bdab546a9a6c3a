import * as oauth from 'oauth4webapi';
import { type ConsoleConfig, consoleConfig } from '../config';
import { type Session, saveSession, sessionFromToken } from './session';

/** What survives the round trip to the authorization server: PKCE verifier, state, where to return. */
interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce?: string;
  readonly returnTo: string;
}

const PENDING = 'console.pending-sign-in';

function callbackUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}callback`, window.location.origin).href;
}

/** Our server's http:// endpoints are fine on loopback; an identity provider's must be https. */
function insecureAllowed(url: string): boolean {
  const { protocol, hostname } = new URL(url, window.location.origin);
  return protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

async function authorizationServer(config: ConsoleConfig): Promise<oauth.AuthorizationServer> {
  const auth = config.auth;
  if (auth.mode === 'local') {
    return {
      issuer: auth.issuer,
      authorization_endpoint: new URL(auth.authorizationEndpoint, window.location.origin).href,
      token_endpoint: new URL(auth.tokenEndpoint, window.location.origin).href,
    };
  }
  const issuer = new URL(auth.issuer);
  const response = await oauth.discoveryRequest(issuer, {
    [oauth.allowInsecureRequests]: insecureAllowed(auth.discoveryUrl),
  });
  return oauth.processDiscoveryResponse(issuer, response);
}

/** Sends the browser to the authorization server (authorization code flow with PKCE, S256). */
export async function beginSignIn(returnTo: string): Promise<void> {
  const config = await consoleConfig();
  const as = await authorizationServer(config);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = config.auth.mode === 'oidc' ? oauth.generateRandomNonce() : undefined;
  const pending: PendingSignIn = { codeVerifier, state, returnTo, ...(nonce ? { nonce } : {}) };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', config.auth.clientId);
  url.searchParams.set('redirect_uri', callbackUrl());
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (config.auth.mode === 'oidc') {
    url.searchParams.set('scope', config.auth.scope);
    url.searchParams.set('nonce', nonce!);
  }
  window.location.assign(url.href);
}

/** Completes the flow on the callback page: checks state, exchanges the code, stores the session. */
export async function completeSignIn(callback: URL): Promise<{ session: Session; returnTo: string }> {
  const raw = sessionStorage.getItem(PENDING);
  if (raw === null) throw new Error('No sign-in was started in this tab; start again.');
  sessionStorage.removeItem(PENDING);
  const pending = JSON.parse(raw) as PendingSignIn;
  const config = await consoleConfig();
  const as = await authorizationServer(config);
  const client: oauth.Client = { client_id: config.auth.clientId };
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    callbackUrl(),
    pending.codeVerifier,
    { [oauth.allowInsecureRequests]: insecureAllowed(as.token_endpoint!) },
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    requireIdToken: config.auth.mode === 'oidc',
    ...(pending.nonce ? { expectedNonce: pending.nonce } : {}),
  });
  const session = sessionFromToken(tokens.access_token, config.auth.claims);
  saveSession(session);
  return { session, returnTo: pending.returnTo };
}
