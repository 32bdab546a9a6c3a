import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type CSSProperties, useEffect, useMemo, useRef } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemError } from '../../api/client';
import { useSession } from '../../auth/require-session';
import {
  type DraftCommand,
  type DraftForm,
  draftSchema,
  emptyDraft,
  formFieldOf,
  normaliseDraft,
} from './application-form-model';
import { domainSchemaResolver, showProblemOnFields } from './domain-schema-resolver';
import { draftAndSubmit, SubmitFailure } from './draft-and-submit';
import { EndUseFieldset } from './end-use-fieldset';
import { NumberField, SelectField, TextField } from './form-fields';
import { GeneralLicenseFieldset } from './general-license-fieldset';
import { ItemsFieldset } from './items-fieldset';
import { LicenseTypeField } from './license-type-field';
import { PartyFieldset } from './party-fieldset';
import { PreCheckPanel } from './pre-check-panel';
import { issueMessage } from './schema-messages';

export function NewApplicationPage() {
  const { t, i18n } = useTranslation('exporter');
  const session = useSession();
  const navigate = useNavigate();
  const resolver = useMemo(
    () =>
      domainSchemaResolver<DraftForm, DraftCommand>(
        draftSchema,
        normaliseDraft,
        (issue) => issueMessage(issue, t),
        formFieldOf,
      ),
    [t],
  );
  const form = useForm<DraftForm, unknown, DraftCommand>({
    defaultValues: emptyDraft(session.exporterIds[0] ?? ''),
    resolver,
    // On blur, not 'onTouched': that mode also validates a field array when a line or end user is
    // added, so the new, still empty inputs would say "Required" before anyone typed in them.
    mode: 'onBlur',
  });
  const submit = useMutation({
    mutationFn: draftAndSubmit,
    onSuccess: (id) => void navigate(`/applications/${encodeURIComponent(id)}`),
    onError: (error) => {
      if (error instanceof ProblemError && error.status === 400)
        showProblemOnFields(
          error,
          form.setError,
          (field) => field === 'applicationId' || field.startsWith('application.'),
          formFieldOf,
        );
    },
  });
  const licenseType = useWatch({ control: form.control, name: 'application.licenseType' });

  // Messages are written in the language of the moment they were found: say them again after a switch.
  const language = i18n.resolvedLanguage;
  const shownIn = useRef(language);
  useEffect(() => {
    if (shownIn.current === language) return;
    shownIn.current = language;
    if (form.formState.isSubmitted) void form.trigger();
  }, [language, form]);

  const validated = async (): Promise<DraftCommand | null> =>
    (await form.trigger()) ? draftSchema.parse(normaliseDraft(form.getValues())) : null;

  if (session.exporterIds.length === 0) {
    return (
      <Stack>
        <Title order={1}>{t('form.title')}</Title>
        <Alert color="red" role="alert">
          {t('form.noExporter')}
        </Alert>
      </Stack>
    );
  }
  const exporters = session.exporterIds.map((id) => ({ value: id, label: id }));

  return (
    <FormProvider {...form}>
      <form
        noValidate
        onSubmit={(event) => void form.handleSubmit((command) => submit.mutate(command))(event)}
        // Mantine's error red (red.6) is too pale for AA contrast on white; red.8 is not.
        style={{ '--mantine-color-error': 'var(--mantine-color-red-8)' } as CSSProperties}
      >
        <Stack>
          <Title order={1}>{t('form.title')}</Title>
          <Text>{t('form.lead')}</Text>
          <Fieldset legend={t('form.caseSection')}>
            <LicenseTypeField />
            <SimpleGrid mt="sm" cols={{ base: 1, sm: 2 }}>
              <TextField
                name="applicationId"
                label={t('form.applicationId')}
                description={t('form.applicationIdHint')}
                required
              />
              <SelectField name="application.exporterId" label={t('form.exporterId')} options={exporters} />
              <TextField
                name="application.destination"
                label={t('form.destination')}
                description={t('form.countryHint')}
                required
              />
              <NumberField
                name="application.chineseRareEarthValueSharePercent"
                label={t('form.foreignShare')}
                description={t('form.foreignShareHint')}
              />
            </SimpleGrid>
          </Fieldset>
          <Title order={2}>{t('form.itemsSection')}</Title>
          <ItemsFieldset />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <PartyFieldset party="consignee" legend={t('form.consignee')} />
            <PartyFieldset party="endUser" legend={t('form.endUser')} />
          </SimpleGrid>
          {licenseType === 'general' && <GeneralLicenseFieldset />}
          <EndUseFieldset />
          <PreCheckPanel validated={validated} />
          {form.formState.isSubmitted && Object.keys(form.formState.errors).length > 0 && (
            <Alert color="red" role="alert">
              {t('errors.invalidForm')}
            </Alert>
          )}
          {submit.error && <SubmitFailure error={submit.error} />}
          <Group>
            <Button type="submit" loading={submit.isPending}>
              {t('form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
