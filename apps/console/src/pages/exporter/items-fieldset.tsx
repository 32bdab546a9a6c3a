import { ItemForm } from '@licensing/domain';
import { Button, CloseButton, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type DraftForm, emptyItem } from './application-form-model';
import { NumberField, SelectField, TextField } from './form-fields';

/** The application's lines: what is exported, how much, and its value. */
export function ItemsFieldset() {
  const { t } = useTranslation('exporter');
  const { control } = useFormContext<DraftForm>();
  const { fields, append, remove } = useFieldArray({ control, name: 'application.items' });
  const forms = ItemForm.options.map((form) => ({ value: form, label: t(`forms.${form}`) }));
  return (
    <Stack>
      {fields.map((field, index) => {
        const at = (name: string) => `application.items.${index}.${name}`;
        const line = index + 1;
        return (
          <Fieldset key={field.id} legend={t('form.item', { line })}>
            {fields.length > 1 && (
              <Group justify="flex-end">
                <CloseButton aria-label={t('form.removeItem', { line })} onClick={() => remove(index)} />
              </Group>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextField
                name={at('controlCode')}
                label={t('form.controlCode')}
                description={t('form.controlCodeHint')}
                required
              />
              <TextField name={at('element')} label={t('form.element')} />
              <SelectField name={at('form')} label={t('form.itemForm')} options={forms} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
              <TextField name={at('description')} label={t('form.description')} required />
              <TextField name={at('hsCode')} label={t('form.hsCode')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 2, sm: 4 }} mt="sm">
              <NumberField name={at('quantity.amount')} label={t('form.quantity')} required />
              <TextField name={at('quantity.unit')} label={t('form.unit')} required />
              <NumberField name={at('value.amount')} label={t('form.value')} required />
              <TextField name={at('value.currency')} label={t('form.currency')} required />
            </SimpleGrid>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="default" onClick={() => append(emptyItem(String(fields.length + 1)))}>
          {t('form.addItem')}
        </Button>
      </Group>
    </Stack>
  );
}
