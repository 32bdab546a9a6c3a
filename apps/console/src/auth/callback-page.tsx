import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { beginSignIn, completeSignIn } from './oidc';

/** Where the authorization server sends the browser back with a code; exchanges it and goes where the user was going. */
export function CallbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const started = useRef(false);

  useEffect(() => {
    // The code is single-use: React's development double effect must not spend it twice.
    if (started.current) return;
    started.current = true;
    completeSignIn(new URL(window.location.href)).then(
      ({ returnTo }) => void navigate(returnTo, { replace: true }),
      (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
    );
  }, [navigate]);

  if (failure === null) {
    return (
      <Center p="xl">
        <Loader aria-label={t('callback.working')} />
      </Center>
    );
  }
  return (
    <Center p="xl">
      <Stack>
        <Alert color="red" title={t('callback.failed')} role="alert">
          {failure}
        </Alert>
        <Button onClick={() => void beginSignIn('/')}>{t('signIn')}</Button>
      </Stack>
    </Center>
  );
}
