import { EndUseCategory } from '@licensing/domain';
import { Fieldset, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './form-fields';

/** What the items will be used for, and the documents that promise it. */
export function EndUseFieldset() {
  const { t } = useTranslation('exporter');
  const categories = EndUseCategory.options.map((category) => ({ value: category, label: t(`endUses.${category}`) }));
  return (
    <>
      <Fieldset legend={t('form.endUseSection')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField name="application.endUse.category" label={t('form.endUseCategory')} options={categories} />
          <TextField name="application.endUse.description" label={t('form.endUseDescription')} required />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('form.referencesSection')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField name="application.contractRef" label={t('form.contractRef')} required />
          <TextField name="application.endUserCertificateRef" label={t('form.endUserCertificateRef')} required />
          <TextField name="application.endUseCertificateRef" label={t('form.endUseCertificateRef')} required />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}
