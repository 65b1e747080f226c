import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import { setUnauthenticatedHandler } from './lib/http.ts';
import { markSessionExpired, SESSION_KEY } from './auth/session.ts';
import { I18nProvider } from './i18n/I18nProvider.tsx';
import { queryClient } from './queryClient.ts';
import { router } from './routes.tsx';
import './styles.css';

// A 401 on any call means the session cookie is gone: forget the user; RequireAuth sends them to login.
setUnauthenticatedHandler(() => {
  if (queryClient.getQueryData(SESSION_KEY)) markSessionExpired();
  queryClient.setQueryData(SESSION_KEY, null);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
