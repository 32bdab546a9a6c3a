import type { Request } from 'express';
import { NotPermitted, Unauthenticated } from '../shared/application-errors';
import { BearerActorResolver, type TokenVerifier } from './bearer-actor.resolver';

const request = (authorization?: string) =>
  ({ header: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined) }) as Request;

describe('BearerActorResolver', () => {
  const seen: string[] = [];
  const verifier: TokenVerifier = {
    verify: async (token) => {
      seen.push(token);
      return { id: 'zhang.min', role: token === 'system.token' ? 'system' : 'licensing_officer' };
    },
  };
  const resolver = new BearerActorResolver(verifier);

  it('hands the token of "Bearer <token>" to the verifier, whatever the scheme’s case', async () => {
    expect(await resolver.resolve(request('Bearer eyJ.abc-_.x_y'))).toEqual({
      id: 'zhang.min',
      role: 'licensing_officer',
    });
    expect(await resolver.resolve(request('bearer  eyJ.def'))).toMatchObject({ id: 'zhang.min' });
    expect(seen).toEqual(['eyJ.abc-_.x_y', 'eyJ.def']);
  });

  it('asks for a token when there is none (no error code in the challenge)', async () => {
    for (const header of [undefined, '', '  ']) {
      const error = await resolver.resolve(request(header)).catch((e) => e);
      expect(error).toBeInstanceOf(Unauthenticated);
      expect(error).toMatchObject({ code: 'request.unauthenticated', challenge: undefined });
    }
  });

  it('refuses a malformed header before any verification', async () => {
    seen.length = 0;
    for (const header of [
      'Basic dXNlcjpwYXNz',
      'Bearer',
      'Bearer a b',
      'Bearer a,b',
      'Token abc',
      'X-Actor-Id li.wei',
    ]) {
      const error = await resolver.resolve(request(header)).catch((e) => e);
      expect(error).toMatchObject({ code: 'auth.malformed_authorization', challenge: 'invalid_request' });
    }
    expect(seen).toEqual([]);
  });

  it('never lets the system role through, whatever a verifier says', async () => {
    const error = await resolver.resolve(request('Bearer system.token')).catch((e) => e);
    expect(error).toBeInstanceOf(NotPermitted);
    expect(error).toMatchObject({ kind: 'forbidden', code: 'auth.system_role' });
  });
});
