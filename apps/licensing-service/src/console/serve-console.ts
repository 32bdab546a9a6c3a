import type { NestExpressApplication } from '@nestjs/platform-express';
import { usesLocalIssuer } from '@licensing/identity';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ServiceConfig } from '../config';
import { CONSOLE_CLIENT_ID } from '../identity/local-sign-in.controller';

const PREFIX = '/console';

/**
 * What the console needs to sign people in (served at /console/config.json):
 * the local issuer's endpoints, or the identity provider to discover. The
 * console's only settings, so one build runs against any deployment.
 */
export function consoleSettings(config: ServiceConfig) {
  const claims = {
    subject: config.AUTH_SUBJECT_CLAIM,
    roles: config.AUTH_ROLES_CLAIM,
    exporters: config.AUTH_EXPORTERS_CLAIM,
  };
  if (usesLocalIssuer(config)) {
    return {
      auth: {
        mode: 'local' as const,
        issuer: config.AUTH_ISSUER ?? 'urn:export-licensing:local-issuer',
        authorizationEndpoint: '/oauth/authorize',
        tokenEndpoint: '/oauth/token',
        clientId: CONSOLE_CLIENT_ID,
        claims,
      },
    };
  }
  const issuer = config.AUTH_ISSUER ?? '';
  return {
    auth: {
      mode: 'oidc' as const,
      issuer,
      discoveryUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      clientId: config.CONSOLE_OIDC_CLIENT_ID ?? '',
      scope: config.CONSOLE_OIDC_SCOPE,
      claims,
    },
  };
}

/**
 * The console's content security policy: its own scripts and styles only
 * (Mantine writes its CSS variables in a style element, hence the inline
 * styles), API calls to this origin, and the identity provider's origin for
 * discovery and the token exchange.
 */
function contentSecurityPolicy(config: ServiceConfig): string {
  const provider = usesLocalIssuer(config) || !config.AUTH_ISSUER ? '' : ` ${new URL(config.AUTH_ISSUER).origin}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${provider}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Serves the built console (CONSOLE_DIR) under /console: hashed assets
 * cached for a year, every other path answered with index.html so the
 * browser's router shows the page (a reload or a shared link works).
 * Without a build, /console says how to make one.
 */
export function serveConsole(app: NestExpressApplication, config: ServiceConfig): void {
  const dir = resolve(config.CONSOLE_DIR);
  const index = join(dir, 'index.html');
  const settings = consoleSettings(config);
  const policy = contentSecurityPolicy(config);
  app.use(PREFIX, (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Content-Security-Policy', policy);
    next();
  });
  app.useStaticAssets(join(dir, 'assets'), {
    prefix: `${PREFIX}/assets`,
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  app.use(PREFIX, (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    response.setHeader('Cache-Control', 'no-cache');
    if (request.path === '/config.json') return void response.json(settings);
    if (request.path.startsWith('/assets/')) return next();
    if (!existsSync(index)) {
      response
        .status(503)
        .type('application/problem+json')
        .json({
          type: 'urn:export-licensing:problem:console.not_built',
          title: 'The console is not built',
          status: 503,
          code: 'console.not_built',
          detail: `No console build in ${dir}: run \`npx nx run console:build\` (npm start does), or set CONSOLE_DIR.`,
        });
      return;
    }
    response.sendFile(index);
  });
}
