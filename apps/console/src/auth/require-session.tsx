import { Center, Loader } from '@mantine/core';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { whenUnauthorized } from '../api/client';
import { currentSession, type Session } from './session';

const SessionContext = createContext<Session | null>(null);

/** The signed-in user; only inside RequireSession. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside RequireSession');
  return session;
}

/** The OAuth client (and the config's zod schema) loads only when a sign-in starts: most loads carry a session. */
async function beginSignIn(returnTo: string): Promise<void> {
  const { beginSignIn: begin } = await import('./oidc');
  await begin(returnTo);
}

/** Renders its children for a signed-in user; anyone else is sent to sign in, and comes back here after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [session] = useState(currentSession);
  const [failure, setFailure] = useState<string | null>(null);
  const returnTo = location.pathname + location.search;

  useEffect(() => {
    whenUnauthorized(() => void beginSignIn(window.location.pathname.replace(/^\/console/, '') || '/'));
    if (session === null) beginSignIn(returnTo).catch((error: unknown) => setFailure(String(error)));
    // Only on arrival: later navigation happens inside the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (failure !== null) return <Center p="xl">{failure}</Center>;
  if (session === null) {
    return (
      <Center p="xl">
        <Loader aria-label={t('signingIn')} />
      </Center>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
