import { z } from 'zod';

/** Claim names in the access token, as the service reads them (AUTH_*_CLAIM). */
const ClaimNames = z.object({ subject: z.string(), roles: z.string(), exporters: z.string() });

/**
 * How the console signs people in, served by the service at /console/config.json
 * from its own settings: the embedded local issuer, or an OpenID provider.
 */
export const ConsoleConfig = z.object({
  auth: z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('local'),
      issuer: z.string(),
      authorizationEndpoint: z.string(),
      tokenEndpoint: z.string(),
      clientId: z.string(),
      claims: ClaimNames,
    }),
    z.object({
      mode: z.literal('oidc'),
      issuer: z.string(),
      discoveryUrl: z.string(),
      clientId: z.string(),
      scope: z.string(),
      claims: ClaimNames,
    }),
  ]),
});
export type ConsoleConfig = z.infer<typeof ConsoleConfig>;
export type ClaimNames = z.infer<typeof ClaimNames>;

let loaded: Promise<ConsoleConfig> | undefined;

/** The console's settings, fetched once. */
export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch(`${import.meta.env.BASE_URL}config.json`, { headers: { Accept: 'application/json' } })
    .then(async (response) => {
      if (!response.ok) throw new Error(`The console's settings could not be read (HTTP ${response.status}).`);
      return ConsoleConfig.parse(await response.json());
    })
    .catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return loaded;
}
