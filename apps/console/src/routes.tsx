import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './auth/require-session';
import { PageLoader } from './layout/page-loader';
import { Shell } from './layout/shell';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { pageRoutes } from './pages/page-routes';

/**
 * The console's addresses, under /console. Sign-in pages are public; every
 * other page needs a session and loads its own code on first visit. The
 * sign-in pages load lazily too: their form library, the OAuth client and zod
 * are needed once per session, not on every first load.
 */
export const router = createBrowserRouter(
  [
    {
      path: 'sign-in',
      lazy: async () => ({ Component: (await import('./auth/local-sign-in-page')).LocalSignInPage }),
      hydrateFallbackElement: <PageLoader />,
    },
    {
      path: 'callback',
      lazy: async () => ({ Component: (await import('./auth/callback-page')).CallbackPage }),
      hydrateFallbackElement: <PageLoader />,
    },
    {
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <HomePage /> },
        ...pageRoutes,
        { path: 'home', element: <Navigate to="/" replace /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ],
  { basename: '/console' },
);
