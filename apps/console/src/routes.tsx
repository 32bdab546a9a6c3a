import { createBrowserRouter, Navigate } from 'react-router';
import { CallbackPage } from './auth/callback-page';
import { LocalSignInPage } from './auth/local-sign-in-page';
import { RequireSession } from './auth/require-session';
import { Shell } from './layout/shell';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { pageRoutes } from './pages/page-routes';

/**
 * The console's addresses, under /console. Sign-in pages are public; every
 * other page needs a session and loads its own code on first visit.
 */
export const router = createBrowserRouter(
  [
    { path: 'sign-in', element: <LocalSignInPage /> },
    { path: 'callback', element: <CallbackPage /> },
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
