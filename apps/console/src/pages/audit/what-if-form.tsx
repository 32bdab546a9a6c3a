import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, TextInput } from '@mantine/core';
import { Instant, LegalDate } from '@licensing/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';

/** The what-if's position, held to the domain's LegalDate and Instant as the API holds its query. */
export const WhatIfPosition = z.object({
  validOn: z.union([z.literal(''), LegalDate]),
  knownAt: z.union([z.literal(''), Instant]),
});
export type WhatIfPosition = z.infer<typeof WhatIfPosition>;

interface Props {
  readonly position: WhatIfPosition;
  readonly onApply: (position: WhatIfPosition) => void;
}

/** Another legal date and/or knowledge time to re-evaluate the recorded inputs at; empty: the decision's own. */
export function WhatIfForm({ position, onApply }: Props) {
  const { t } = useTranslation('audit');
  const { register, handleSubmit, formState } = useForm<WhatIfPosition>({
    resolver: zodResolver(WhatIfPosition),
    defaultValues: position,
  });
  return (
    <form onSubmit={(event) => void handleSubmit(onApply)(event)} aria-label={t('decisions.whatIfForm')}>
      <Group align="flex-end">
        <TextInput
          type="date"
          label={t('decisions.whatIfValidOn')}
          {...register('validOn')}
          error={formState.errors.validOn && t('decisions.invalidDate')}
        />
        <TextInput
          label={t('decisions.whatIfKnownAt')}
          placeholder="2025-10-01T00:00:00Z"
          {...register('knownAt')}
          error={formState.errors.knownAt && t('decisions.invalidInstant')}
          w={260}
        />
        <Button type="submit">{t('decisions.reevaluate')}</Button>
      </Group>
    </form>
  );
}
