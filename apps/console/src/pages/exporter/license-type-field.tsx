import { LicenseType } from '@licensing/domain';
import { Group, Radio } from '@mantine/core';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { DraftForm } from './application-form-model';
import { READABLE_HINTS, useFieldError } from './form-fields';

/** Individual or general license: the choice decides which fields the application carries. */
export function LicenseTypeField() {
  const { t } = useTranslation('exporter');
  const { control } = useFormContext<DraftForm>();
  const error = useFieldError('application.licenseType');
  return (
    <Controller
      control={control}
      name="application.licenseType"
      render={({ field }) => (
        <Radio.Group
          name={field.name}
          value={field.value}
          onChange={(value) => field.onChange(LicenseType.parse(value))}
          label={t('form.licenseType')}
          description={t('form.licenseTypeHint')}
          styles={READABLE_HINTS}
          error={error}
          withAsterisk
        >
          <Group mt="xs">
            {LicenseType.options.map((type) => (
              <Radio key={type} value={type} label={t(`licenseTypes.${type}`)} onBlur={field.onBlur} />
            ))}
          </Group>
        </Radio.Group>
      )}
    />
  );
}
