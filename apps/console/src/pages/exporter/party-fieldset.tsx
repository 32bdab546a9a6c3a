import { CloseButton, Fieldset, Group, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CheckboxField, NumberField, TextField } from './form-fields';

interface PartyFieldsetProps {
  /** Where the party sits in the application: `consignee`, `endUser`, `additionalEndUsers.<n>`. */
  readonly party: string;
  readonly legend: string;
  /** Offers a button that takes this party off the application, named by `removeLabel`. */
  readonly onRemove?: () => void;
  readonly removeLabel?: string;
}

/** A consignee or end user: the facts the denial grounds look at. */
export function PartyFieldset({ party, legend, onRemove, removeLabel }: PartyFieldsetProps) {
  const { t } = useTranslation('exporter');
  const at = (field: string) => `application.${party}.${field}`;
  return (
    <Fieldset legend={legend}>
      {onRemove && (
        <Group justify="flex-end">
          <CloseButton aria-label={removeLabel} onClick={onRemove} />
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField name={at('name')} label={t('form.partyName')} required />
        <TextField name={at('country')} label={t('form.country')} description={t('form.countryHint')} required />
        <NumberField name={at('ownedByListedPartiesPercent')} label={t('form.ownedByListed')} />
      </SimpleGrid>
      <Group mt="sm">
        <CheckboxField name={at('militaryUser')} label={t('form.militaryUser')} />
        <CheckboxField name={at('listed')} label={t('form.listed')} />
      </Group>
    </Fieldset>
  );
}
