import { usesLocalIssuer } from '@licensing/identity';
import { AuthorizationQuery, SignInChoice } from '../identity/local-sign-in.controller';
import {
  answer,
  inOrder,
  jsonBody,
  type Json,
  type OpenApiSettings,
  problem,
  queryParameters,
  refusals,
} from './openapi-parts';

const PUBLIC =
  "Public: this is how the console gets a token. Served only while the service is its own issuer (the discovery document names it); with an identity provider, the console signs in there instead. Anyone who reaches it may sign in as anyone: it is the embedded default's sign-in.";
/** Codes and tokens are never cached (RFC 6749 §5.1). */
const NO_STORE = {
  'Cache-Control': { description: '`no-store`: a code or a token.', schema: { type: 'string', const: 'no-store' } },
};
const REDIRECT = "redirect_uri is not this service's console callback (`sign_in.redirect_uri`)";

/** The local issuer's sign-in for the console: authorization code with PKCE (S256). */
export function signInPaths(settings: OpenApiSettings): Record<string, Json> {
  if (!usesLocalIssuer(settings)) return {};
  const open = (operationId: string, summary: string, responses: Json, extra: Json) => ({
    operationId,
    summary,
    description: PUBLIC,
    tags: ['identity'],
    security: [],
    ...extra,
    responses: inOrder(responses),
  });
  return {
    '/oauth/authorize': {
      get: open(
        'authorize',
        "The authorization endpoint: checks the request and sends the browser to the console's sign-in page",
        {
          '302': { description: 'To `/console/sign-in` with the same parameters.' },
          ...refusals(settings, {
            guarded: false,
            takesBody: false,
            throttled: true,
            invalid: `A parameter is missing or wrong (\`request.invalid\`), or ${REDIRECT}.`,
          }),
          default: problem('Anything unexpected: a problem (500, `internal`); nothing was issued.'),
        },
        { parameters: queryParameters(AuthorizationQuery) },
      ),
      post: open(
        'signIn',
        "The sign-in page's choice of user and role: where the browser goes next, with a one-time code",
        {
          '200': answer('The console callback with `code` and `state`.', 'SignInRedirect', NO_STORE),
          ...refusals(settings, {
            guarded: false,
            takesBody: true,
            throttled: true,
            invalid: `The body is not valid (\`request.invalid\`), ${REDIRECT}, or an exporter user names no exporter (\`sign_in.exporters_required\`).`,
          }),
        },
        { requestBody: jsonBody(SignInChoice) },
      ),
    },
    '/oauth/token': {
      post: open(
        'exchangeCode',
        'The token endpoint: a code and its PKCE verifier for an access token (RFC 6749 §4.1.3)',
        {
          '200': answer('A bearer JWT of the local issuer for the API, valid 8 hours.', 'TokenAnswer', NO_STORE),
          ...refusals(settings, { guarded: false, takesBody: true, throttled: true }),
          '400': {
            description:
              "Refused: `invalid_grant` (an unknown, used or expired code; another client or redirect_uri; a verifier that does not match; any failed attempt spends the code) or `invalid_request`. In OAuth's own JSON, or as problem details (`sign_in.invalid_grant`, with the same two members) for a client that accepts only `application/problem+json`.",
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/OAuthError' } },
              'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } },
            },
          },
        },
        {
          requestBody: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': {
                schema: {
                  type: 'object',
                  required: ['grant_type', 'code', 'redirect_uri', 'client_id', 'code_verifier'],
                  properties: {
                    grant_type: { type: 'string', const: 'authorization_code' },
                    code: { type: 'string', maxLength: 100 },
                    redirect_uri: { type: 'string', maxLength: 2000 },
                    client_id: { type: 'string', const: 'console' },
                    code_verifier: { type: 'string', minLength: 43, maxLength: 128, pattern: '^[A-Za-z0-9._~-]+$' },
                  },
                },
              },
            },
          },
        },
      ),
    },
  };
}
