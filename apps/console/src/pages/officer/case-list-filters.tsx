import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export interface CaseFilters {
  readonly status: string;
  readonly exporterId: string;
  readonly q: string;
}

/** The list's filters live in the address, so a filtered list can be shared and survives a reload. */
export function useCaseFilters(): CaseFilters {
  const [search] = useSearchParams();
  return { status: search.get('status') ?? '', exporterId: search.get('exporterId') ?? '', q: search.get('q') ?? '' };
}

interface CaseListFiltersProps {
  readonly statuses: readonly string[];
  /** `applicationStatus` or `licenseStatus`: where the statuses' names are. */
  readonly statusNames: string;
}

export function CaseListFilters({ statuses, statusNames }: CaseListFiltersProps) {
  const { t } = useTranslation('officer');
  const [, setSearch] = useSearchParams();
  const applied = useCaseFilters();
  const [draft, setDraft] = useState<CaseFilters>(applied);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setSearch(
      Object.fromEntries((Object.entries(draft) as [string, string][]).filter(([, value]) => value.trim() !== '')),
    );
  };

  return (
    <form onSubmit={apply} aria-label={t('lists.filters')}>
      <Group align="flex-end">
        <NativeSelect
          label={t('lists.status')}
          value={draft.status}
          onChange={(event) => setDraft({ ...draft, status: event.currentTarget.value })}
          data={[
            { value: '', label: t('lists.anyStatus') },
            ...statuses.map((status) => ({ value: status, label: t(`${statusNames}.${status}`) })),
          ]}
        />
        <TextInput
          label={t('lists.exporter')}
          value={draft.exporterId}
          onChange={(event) => setDraft({ ...draft, exporterId: event.currentTarget.value })}
        />
        <TextInput
          label={t('lists.search')}
          value={draft.q}
          onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
        />
        <Button type="submit">{t('lists.apply')}</Button>
      </Group>
    </form>
  );
}
