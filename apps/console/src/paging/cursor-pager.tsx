import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages: the API answers a `nextCursor` per page, so going back means
 * remembering the cursors that led here. A new `resetKey` (other filters)
 * starts again at the first page.
 */
export function useCursorPages(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: readonly (string | undefined)[] }>({
    key: resetKey,
    cursors: [undefined],
  });
  const cursors = state.key === resetKey ? state.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    next: (cursor: string) => setState({ key: resetKey, cursors: [...cursors, cursor] }),
    previous: () => setState({ key: resetKey, cursors: cursors.slice(0, -1) }),
  };
}

interface CursorPagerProps {
  readonly page: number;
  readonly nextCursor: string | null | undefined;
  readonly onNext: (cursor: string) => void;
  readonly onPrevious: () => void;
}

export function CursorPager({ page, nextCursor, onNext, onPrevious }: CursorPagerProps) {
  const { t } = useTranslation('common');
  return (
    <Group justify="space-between">
      <Button variant="default" size="xs" disabled={page <= 1} onClick={onPrevious}>
        {t('pager.previous')}
      </Button>
      <Text size="sm">{t('pager.page', { page })}</Text>
      <Button variant="default" size="xs" disabled={!nextCursor} onClick={() => nextCursor && onNext(nextCursor)}>
        {t('pager.next')}
      </Button>
    </Group>
  );
}
