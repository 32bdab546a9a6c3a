import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/require-session';
import { endSession } from '../auth/session';
import { PageLoader } from './page-loader';
import { LanguageSwitch } from './language-switch';
import { navigationFor } from './navigation';

/** The frame of every signed-in page: header, the role's navigation, the page. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle }] = useDisclosure();
  const items = navigationFor(session.role);
  // The longest entry the address is under: /applications/new is "New application", not also "Applications".
  const activePath = items
    .map((item) => item.path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  const signOut = () => {
    endSession();
    window.location.assign(`${import.meta.env.BASE_URL}`);
  };

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('menu')} />
            <Title order={2} size="h4">
              {t('appName')}
            </Title>
          </Group>
          <Group wrap="nowrap">
            <LanguageSwitch />
            <Text size="sm" data-testid="signed-in-as" visibleFrom="sm">
              {t('signedInAs', { subject: session.subject, role: t(`roles.${session.role}`) })}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('appName')}>
        <NavLink component={RouterLink} to="/" end label={t('home')} active={location.pathname === '/'} />
        {items.map((item) => (
          <NavLink
            key={item.path}
            component={RouterLink}
            to={item.path}
            label={t(item.label)}
            active={item.path === activePath}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
