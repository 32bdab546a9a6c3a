import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const CST_OFFSET_MS = 8 * 3600 * 1000;

/** `2025-11-01T00:00` read as China Standard Time, as an instant (UTC). */
export function instantFromCstInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const time = Date.parse(`${value.length === 16 ? `${value}:00` : value}+08:00`);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** An instant as the input shows it, in China Standard Time. */
export function cstInputFromInstant(instant: string): string {
  return new Date(Date.parse(instant) + CST_OFFSET_MS).toISOString().slice(0, 16);
}

/** "Known at": the instant whose knowledge the page draws; none means now. */
export function KnownAtControl({
  knownAt,
  onChange,
}: {
  readonly knownAt: string | undefined;
  readonly onChange: (knownAt: string | undefined) => void;
}) {
  const { t } = useTranslation('policy');
  return (
    <Group align="flex-end">
      <TextInput
        type="datetime-local"
        label={t('timeline.knownAt')}
        description={t('timeline.knownAtHint')}
        // Mantine's dimmed hint text is too pale for AA contrast.
        styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
        value={knownAt ? cstInputFromInstant(knownAt) : ''}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === '') onChange(undefined);
          const instant = instantFromCstInput(value);
          if (instant) onChange(instant);
        }}
      />
      <Button variant="default" onClick={() => onChange(undefined)} disabled={knownAt === undefined}>
        {t('timeline.now')}
      </Button>
    </Group>
  );
}
