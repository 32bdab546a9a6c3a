import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Center, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { PersonRole } from '@licensing/domain';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, ProblemError } from '../api/client';
import { LanguageSwitch } from '../layout/language-switch';
import { beginSignIn } from './oidc';

const SignInForm = z
  .object({
    sub: z.string().trim().min(1),
    role: PersonRole,
    exporterIds: z.string(),
  })
  .refine((form) => form.role !== 'exporter' || exporterIdsOf(form.exporterIds).length > 0, {
    path: ['exporterIds'],
  });
type SignInForm = z.infer<typeof SignInForm>;

function exporterIdsOf(text: string): string[] {
  return text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

const AUTHORIZATION_PARAMETERS = ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method'];

/**
 * The embedded local issuer's sign-in page: its authorization endpoint sends
 * the browser here with the request's parameters; the chosen user and role
 * go back to it, and it redirects to the console's callback with a code.
 */
export function LocalSignInPage() {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const params = new URLSearchParams(window.location.search);
  const authorizationRequest = Object.fromEntries(
    AUTHORIZATION_PARAMETERS.map((name) => [name, params.get(name) ?? '']),
  );
  const arrivedFromIssuer = AUTHORIZATION_PARAMETERS.every((name) => params.get(name));
  const { control, register, handleSubmit, formState } = useForm<SignInForm>({
    resolver: zodResolver(SignInForm),
    defaultValues: { sub: '', role: 'exporter', exporterIds: '' },
  });

  useEffect(() => {
    // Opened directly (a bookmark): start a proper authorization request first.
    if (!arrivedFromIssuer) beginSignIn('/').catch((error: unknown) => setFailure(String(error)));
  }, [arrivedFromIssuer]);

  const submit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      const { redirectTo } = await api<{ redirectTo: string }>('/oauth/authorize', {
        method: 'POST',
        body: { ...authorizationRequest, sub: form.sub, role: form.role, exporterIds: exporterIdsOf(form.exporterIds) },
      });
      window.location.assign(redirectTo);
    } catch (error) {
      setFailure(error instanceof ProblemError ? error.message : String(error));
    }
  });

  const role = useWatch({ control, name: 'role' });
  return (
    <Center component="main" p="xl">
      <Paper withBorder p="xl" maw={480} w="100%">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <LanguageSwitch />
            <Title order={1}>{t('localSignIn.title')}</Title>
            <Text size="sm">{t('localSignIn.lead')}</Text>
            {failure && (
              <Alert color="red" role="alert" title={t('problem.title')}>
                {failure}
              </Alert>
            )}
            <TextInput
              label={t('localSignIn.subject')}
              autoComplete="username"
              error={formState.errors.sub && t('localSignIn.required')}
              {...register('sub')}
            />
            <Controller
              control={control}
              name="role"
              render={({ field }) => (
                <Select
                  label={t('localSignIn.role')}
                  data={PersonRole.options.map((value) => ({ value, label: t(`roles.${value}`) }))}
                  allowDeselect={false}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                />
              )}
            />
            {role === 'exporter' && (
              <TextInput
                label={t('localSignIn.exporters')}
                description={t('localSignIn.exportersHint')}
                error={formState.errors.exporterIds && t('localSignIn.required')}
                {...register('exporterIds')}
              />
            )}
            <Button type="submit" loading={formState.isSubmitting} disabled={!arrivedFromIssuer}>
              {t('localSignIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
