import { LIST_LIMITS } from '@licensing/domain';
import { Button, Fieldset, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type DraftForm, emptyParty } from './application-form-model';
import { TextField } from './form-fields';
import { PartyFieldset } from './party-fieldset';

/** The primary end user is one of the license's end users; the rest are listed here. */
const MOST_ADDITIONAL_END_USERS = LIST_LIMITS.endUsers - 1;

/**
 * What only a general license asks for: its further end users, the
 * exporter's internal compliance system and its past use of licenses.
 */
export function GeneralLicenseFieldset() {
  const { t } = useTranslation('exporter');
  return (
    <Stack>
      <Title order={2}>{t('general.title')}</Title>
      <Text>{t('general.lead')}</Text>
      <AdditionalEndUsers />
      <Fieldset legend={t('general.complianceSystem')}>
        <Stack>
          <TextField
            multiline
            name="application.complianceSystem.description"
            label={t('general.complianceDescription')}
            description={t('general.complianceDescriptionHint')}
            required
          />
          <TextField
            name="application.complianceSystem.certificateRef"
            label={t('general.complianceCertificateRef')}
            required
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('general.pastLicenseUse')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextField multiline name="application.pastLicenseUse.summary" label={t('general.pastUseSummary')} required />
          <TextField
            multiline
            name="application.pastLicenseUse.licenseRefs"
            label={t('general.licenseRefs')}
            description={t('general.licenseRefsHint')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}

function AdditionalEndUsers() {
  const { t } = useTranslation('exporter');
  const { control } = useFormContext<DraftForm>();
  const { fields, append, remove } = useFieldArray({ control, name: 'application.additionalEndUsers' });
  return (
    <Stack>
      {fields.map((field, index) => (
        <PartyFieldset
          key={field.id}
          party={`additionalEndUsers.${index}`}
          legend={t('general.additionalEndUser', { number: index + 2 })}
          onRemove={() => remove(index)}
          removeLabel={t('general.removeEndUser', { number: index + 2 })}
        />
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => append(emptyParty())}
          disabled={fields.length >= MOST_ADDITIONAL_END_USERS}
        >
          {t('general.addEndUser')}
        </Button>
      </Group>
    </Stack>
  );
}
