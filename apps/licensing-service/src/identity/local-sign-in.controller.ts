import { Body, Controller, Get, Header, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { PersonRole } from '@licensing/domain';
import { AuthorizationCodes, GrantRefused, mintLocalToken } from '@licensing/identity';
import { InvalidRequest, problem, ZodBody } from '@licensing/workflow';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { ServiceConfig } from '../config';
import { SERVICE_CONFIG } from '../infrastructure/tokens';

/** The one client the local issuer knows: the console it serves itself. */
export const CONSOLE_CLIENT_ID = 'console';
const CALLBACK_PATH = '/console/callback';
const TOKEN_TTL_SECONDS = 8 * 60 * 60;

const AuthorizationRequest = z.object({
  client_id: z.literal(CONSOLE_CLIENT_ID),
  redirect_uri: z.url(),
  state: z.string().min(1).max(512),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a PKCE S256 challenge (43 base64url characters)'),
  code_challenge_method: z.literal('S256'),
});
export const AuthorizationQuery = AuthorizationRequest.extend({ response_type: z.literal('code') });
export const SignInChoice = AuthorizationRequest.extend({
  sub: z.string().trim().min(1).max(200),
  role: PersonRole,
  exporterIds: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
});
type SignInChoice = z.infer<typeof SignInChoice>;

/**
 * The embedded local issuer as an OAuth 2 authorization server for the
 * console: the authorization-code flow with PKCE (S256), so the console signs
 * in the same way against it as against a real identity provider. Its
 * sign-in page is the console's own (`/console/sign-in`): anyone who reaches
 * it may choose any user and role, which is what the embedded default is
 * for; a deployment configures an identity provider and this controller is
 * not served at all. The discovery document (/.well-known/openid-configuration,
 * RFC 8414) names these endpoints; the OpenAPI document describes them too.
 */
@Controller('oauth')
export class LocalSignInController {
  private readonly codes = new AuthorizationCodes<SignInChoice>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  /** The authorization endpoint: checks the request, then shows the sign-in page with it. */
  @Get('authorize')
  authorize(
    @Query(new ZodBody(AuthorizationQuery)) query: z.infer<typeof AuthorizationQuery>,
    @Req() request: Request,
    @Res() response: Response,
  ): void {
    requireOwnCallback(query.redirect_uri, request);
    const { response_type: _code, ...forward } = query;
    response.redirect(302, `/console/sign-in?${new URLSearchParams(forward).toString()}`);
  }

  /** The sign-in page's answer: who signs in, in which role; returns where the browser goes with its code. */
  @Post('authorize')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  signIn(@Body(new ZodBody(SignInChoice)) choice: SignInChoice, @Req() request: Request): { redirectTo: string } {
    requireOwnCallback(choice.redirect_uri, request);
    if (choice.role === 'exporter' && choice.exporterIds.length === 0) {
      throw new InvalidRequest(
        'sign_in.exporters_required',
        'An exporter user acts for at least one exporter: name it.',
      );
    }
    const code = this.codes.issue({
      clientId: choice.client_id,
      redirectUri: choice.redirect_uri,
      codeChallenge: choice.code_challenge,
      subject: choice,
    });
    const target = new URL(choice.redirect_uri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', choice.state);
    return { redirectTo: target.href };
  }

  /**
   * The token endpoint (RFC 6749 §3.2): a form-encoded code exchange. A
   * refusal is OAuth's own JSON (`error`, `error_description`), which OAuth
   * clients read; a client that asks for problem details gets those, with
   * the same two members.
   */
  @Post('token')
  async token(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.setHeader('Cache-Control', 'no-store');
    const form = new URLSearchParams(Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '');
    try {
      if (form.get('grant_type') !== 'authorization_code') {
        throw new GrantRefused('invalid_request', 'grant_type must be authorization_code.');
      }
      const choice = this.codes.redeem({
        code: form.get('code') ?? '',
        clientId: form.get('client_id') ?? '',
        redirectUri: form.get('redirect_uri') ?? '',
        codeVerifier: form.get('code_verifier') ?? '',
      });
      const accessToken = await mintLocalToken(this.config.DATA_DIR, {
        sub: choice.sub,
        role: choice.role,
        exporterIds: choice.exporterIds,
        ttlSeconds: TOKEN_TTL_SECONDS,
        ...(this.config.AUTH_ISSUER ? { issuer: this.config.AUTH_ISSUER } : {}),
        audience: this.config.AUTH_AUDIENCE,
        claims: {
          subject: this.config.AUTH_SUBJECT_CLAIM,
          roles: this.config.AUTH_ROLES_CLAIM,
          exporters: this.config.AUTH_EXPORTERS_CLAIM,
        },
      });
      response.status(200).json({ access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_TTL_SECONDS });
    } catch (error) {
      if (!(error instanceof GrantRefused)) throw error;
      const oauthError = { error: error.error, error_description: error.message };
      if (request.accepts(['application/json', 'application/problem+json']) === 'application/problem+json') {
        const code = `sign_in.${error.error}`;
        response.status(400).type('application/problem+json');
        response.json({
          ...problem(400, code, 'The code exchange was refused', error.message),
          instance: request.path,
          ...oauthError,
        });
        return;
      }
      response.status(400).json(oauthError);
    }
  }
}

/** Codes go only to this service's own console callback, never to another site (no open redirect). */
function requireOwnCallback(redirectUri: string, request: Request): void {
  const target = new URL(redirectUri);
  const ownHost = request.get('host');
  if (target.host !== ownHost || target.pathname !== CALLBACK_PATH || target.search !== '' || target.hash !== '') {
    throw new InvalidRequest(
      'sign_in.redirect_uri',
      `redirect_uri must be this service's console callback, ${request.protocol}://${ownHost ?? 'host'}${CALLBACK_PATH}.`,
    );
  }
}
