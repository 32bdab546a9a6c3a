import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/require-session';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack>
      <Title order={1}>{t('welcome', { subject: session.subject })}</Title>
      <Text>{t('welcomeLead')}</Text>
      <Text size="sm" c="dimmed">
        {t('zoneNote')}
      </Text>
    </Stack>
  );
}
