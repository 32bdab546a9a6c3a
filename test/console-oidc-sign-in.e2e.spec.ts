import { ConsoleUnderTest } from './support/console-browser';
import { IdentityProviderProcess } from './support/identity-provider';

// With an identity provider configured, the console signs in against it
// (discovery, authorization code + PKCE, its login page), and the service
// accepts the provider's access tokens: no local issuer is involved.
jest.setTimeout(120_000);

describe('the console signs in through an OpenID provider', () => {
  let provider: IdentityProviderProcess;
  let under: ConsoleUnderTest;

  beforeAll(async () => {
    provider = await IdentityProviderProcess.start();
    under = await ConsoleUnderTest.start({
      AUTH_ISSUER: provider.issuer,
      AUTH_JWKS_URL: `${provider.issuer}jwks`,
      CONSOLE_OIDC_CLIENT_ID: 'console',
    });
  });
  afterAll(async () => {
    await under?.close();
    await provider?.stop();
  });

  it("uses the provider's login page, and the API answers the provider's token in the role it grants", async () => {
    const page = await under.newPage('en');
    await page.goto(`${under.baseUrl}/console/`);
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill('liu.yang@auditor');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('signed-in-as').waitFor();
    expect(await page.getByTestId('signed-in-as').innerText()).toBe('Signed in as liu.yang@auditor (Auditor)');

    // The token the console holds works against the API: the announcements answer (a bad token is 401).
    const status = await page.evaluate(async () => {
      const session = JSON.parse((globalThis as any).sessionStorage.getItem('console.session') ?? '{}') as {
        accessToken?: string;
      };
      const response = await fetch('/announcements', {
        headers: { Authorization: `Bearer ${session.accessToken}` },
      });
      return response.status;
    });
    expect(status).toBe(200);
    // The local issuer's sign-in is not served with a provider configured.
    expect((await fetch(`${under.baseUrl}/oauth/authorize`)).status).toBe(404);
  });
});
