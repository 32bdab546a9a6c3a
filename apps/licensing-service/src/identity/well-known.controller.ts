import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import type { Identity } from '@licensing/identity';
import type { Request } from 'express';
import { IDENTITY } from './identity.providers';

/**
 * What a client or a resource server needs before it holds a token, when
 * the service is its own issuer (no AUTH_JWKS_URL / AUTH_PUBLIC_KEY_FILE;
 * the module leaves this controller out otherwise). Public, like health:
 * public keys are meant to be fetched by anyone.
 */
@Controller('.well-known')
export class WellKnownController {
  constructor(@Inject(IDENTITY) private readonly identity: Identity) {}

  @Get('jwks.json')
  @Header('Cache-Control', 'public, max-age=300')
  jwks() {
    return this.local().jwks;
  }

  /** The minimal OpenID Provider metadata: who issues, where its keys are, and the console's sign-in endpoints. Tokens also come from `npm run token`. */
  @Get('openid-configuration')
  @Header('Cache-Control', 'public, max-age=300')
  openIdConfiguration(@Req() request: Request) {
    // The address the caller reached us by: behind a proxy, set Express's trust proxy so this is the public one.
    const base = `${request.protocol}://${request.get('host') ?? 'localhost'}`;
    return {
      issuer: this.local().issuer,
      jwks_uri: `${base}/.well-known/jwks.json`,
      // The console's sign-in (LocalSignInController): authorization code with PKCE, nothing else.
      authorization_endpoint: `${base}/oauth/authorize`,
      token_endpoint: `${base}/oauth/token`,
      response_types_supported: ['code' as const],
      grant_types_supported: ['authorization_code' as const],
      code_challenge_methods_supported: ['S256' as const],
      token_endpoint_auth_methods_supported: ['none' as const],
    };
  }

  private local(): NonNullable<Identity['localIssuer']> {
    const local = this.identity.localIssuer;
    // Registered only for the local issuer; reaching here otherwise is a wiring mistake.
    if (local === null) throw new Error('The service is not its own issuer; /.well-known is not served.');
    return local;
  }
}
