import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CATEGORIES, EventFilter, FILTER_MESSAGES, PAGE_SIZES } from './event-filter';

interface Props {
  readonly filter: EventFilter;
  readonly onApply: (filter: EventFilter) => void;
}

/** What to browse: `$all` with its filters, or one stream; applied on submit. */
export function EventFilterForm({ filter, onApply }: Props) {
  const { t } = useTranslation('audit');
  const { register, control, handleSubmit, formState } = useForm<EventFilter>({
    resolver: zodResolver(EventFilter),
    defaultValues: filter,
  });
  const source = useWatch({ control, name: 'source' });
  const error = (name: keyof EventFilter) => {
    const message = formState.errors[name]?.message;
    if (message === undefined) return undefined;
    return t(`events.errors.${FILTER_MESSAGES.includes(message) ? message : 'invalid'}`);
  };

  return (
    <form onSubmit={(event) => void handleSubmit(onApply)(event)} aria-label={t('events.filterForm')}>
      <Group align="flex-end" wrap="wrap">
        <Controller
          control={control}
          name="source"
          render={({ field }) => (
            <SegmentedControl
              aria-label={t('events.source')}
              value={field.value}
              onChange={field.onChange}
              data={[
                { value: 'all', label: t('events.sourceAll') },
                { value: 'stream', label: t('events.sourceStream') },
              ]}
            />
          )}
        />
        {source === 'stream' ? (
          <>
            <TextInput label={t('events.streamId')} {...register('streamId')} error={error('streamId')} w={280} />
            <Controller
              control={control}
              name="direction"
              render={({ field }) => (
                <Select
                  label={t('events.direction')}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? 'forwards')}
                  data={[
                    { value: 'forwards', label: t('events.forwards') },
                    { value: 'backwards', label: t('events.backwards') },
                  ]}
                  allowDeselect={false}
                  w={160}
                />
              )}
            />
          </>
        ) : (
          <>
            <Controller
              control={control}
              name="category"
              render={({ field }) => (
                <Select
                  label={t('events.category')}
                  value={field.value === '' ? null : field.value}
                  onChange={(value) => field.onChange(value ?? '')}
                  data={CATEGORIES.map((category) => ({ value: category, label: t(`events.categories.${category}`) }))}
                  placeholder={t('events.anyCategory')}
                  clearable
                  w={180}
                />
              )}
            />
            <TextInput label={t('events.eventType')} {...register('eventType')} error={error('eventType')} w={220} />
            <TextInput
              label={t('events.fromPosition')}
              {...register('fromPosition')}
              error={error('fromPosition')}
              w={130}
              inputMode="numeric"
            />
            <TextInput
              label={t('events.toPosition')}
              {...register('toPosition')}
              error={error('toPosition')}
              w={130}
              inputMode="numeric"
            />
          </>
        )}
        <Controller
          control={control}
          name="limit"
          render={({ field }) => (
            <Select
              label={t('events.pageSize')}
              value={field.value}
              onChange={(value) => field.onChange(value ?? '25')}
              data={[...PAGE_SIZES]}
              allowDeselect={false}
              w={100}
            />
          )}
        />
        <Button type="submit">{t('events.apply')}</Button>
      </Group>
    </form>
  );
}
