import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { HomePage } from './home/HomePage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { ComingSoonPage } from './shell/ComingSoonPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { NAV_ITEMS } from './shell/navItems.ts';
import { prefetchProjectList } from './projects/queries.ts';
import { queryClient } from './queryClient.ts';

/*
 * Route-level code splitting: the sign-in page, the shell and the home page are in the initial bundle;
 * every other screen is loaded with its route (react-router's `lazy`), so a first visit downloads only
 * what it shows (the budget is checked after each build: infra/src/ops/bundle-budget.ts).
 */

/** Every navigation entry gets a route; unbuilt ones show 準備中 until their screens land. */
const comingSoon: RouteObject[] = NAV_ITEMS.filter((item) => !item.ready).map((item) => ({
  path: `${item.path.slice(1)}/*`,
  element: <ComingSoonPage title={item.label} />,
}));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'companies', lazy: () => import('./companies/CompanyListPage.tsx').then((m) => ({ Component: m.CompanyListPage })) },
      { path: 'companies/new', lazy: () => import('./companies/CompanyCreatePage.tsx').then((m) => ({ Component: m.CompanyCreatePage })) },
      { path: 'companies/:id', lazy: () => import('./companies/CompanyDetailPage.tsx').then((m) => ({ Component: m.CompanyDetailPage })) },
      { path: 'companies/:id/edit', lazy: () => import('./companies/CompanyEditPage.tsx').then((m) => ({ Component: m.CompanyEditPage })) },
      { path: 'projects', loader: ({ request }) => prefetchProjectList(queryClient, request.url), lazy: () => import('./projects/ProjectListPage.tsx').then((m) => ({ Component: m.ProjectListPage })) },
      { path: 'projects/new', lazy: () => import('./projects/ProjectCreatePage.tsx').then((m) => ({ Component: m.ProjectCreatePage })) },
      { path: 'projects/:id', lazy: () => import('./projects/ProjectDetailPage.tsx').then((m) => ({ Component: m.ProjectDetailPage })) },
      { path: 'projects/:id/edit', lazy: () => import('./projects/ProjectEditPage.tsx').then((m) => ({ Component: m.ProjectEditPage })) },
      { path: 'projects/:id/estimate', lazy: () => import('./estimates/EstimatePage.tsx').then((m) => ({ Component: m.EstimatePage })) },
      { path: 'projects/:id/order', lazy: () => import('./orders/OrderPage.tsx').then((m) => ({ Component: m.OrderPage })) },
      { path: 'estimates', lazy: () => import('./estimates/EstimateListPage.tsx').then((m) => ({ Component: m.EstimateListPage })) },
      { path: 'orders', lazy: () => import('./orders/OrderListPage.tsx').then((m) => ({ Component: m.OrderListPage })) },
      { path: 'partners', lazy: () => import('./partners/PartnerListPage.tsx').then((m) => ({ Component: m.PartnerListPage })) },
      { path: 'partners/new', lazy: () => import('./partners/PartnerFormPage.tsx').then((m) => ({ Component: m.PartnerFormPage })) },
      { path: 'partners/:id', lazy: () => import('./partners/PartnerDetailPage.tsx').then((m) => ({ Component: m.PartnerDetailPage })) },
      { path: 'partners/:id/edit', lazy: () => import('./partners/PartnerFormPage.tsx').then((m) => ({ Component: m.PartnerFormPage })) },
      { path: 'monthly-sales', lazy: () => import('./sales/MonthlySalesListPage.tsx').then((m) => ({ Component: m.MonthlySalesListPage })) },
      { path: 'monthly-sales/:projectId/:month', lazy: () => import('./sales/SalesEntryPage.tsx').then((m) => ({ Component: m.SalesEntryPage })) },
      { path: 'invoices', lazy: () => import('./sales/InvoiceListPage.tsx').then((m) => ({ Component: m.InvoiceListPage })) },
      { path: 'invoices/receivables', lazy: () => import('./sales/ReceivablesPage.tsx').then((m) => ({ Component: m.ReceivablesPage })) },
      { path: 'ringi', lazy: () => import('./ringi/RingiListPage.tsx').then((m) => ({ Component: m.RingiListPage })) },
      { path: 'ringi/:id', lazy: () => import('./ringi/RingiDetailPage.tsx').then((m) => ({ Component: m.RingiDetailPage })) },
      { path: 'org', lazy: () => import('./org/OrgPage.tsx').then((m) => ({ Component: m.OrgPage })) },
      { path: 'users', lazy: () => import('./users/UserListPage.tsx').then((m) => ({ Component: m.UserListPage })) },
      { path: 'account/password', lazy: () => import('./account/PasswordPage.tsx').then((m) => ({ Component: m.PasswordPage })) },
      { path: 'audit', lazy: () => import('./audit/AuditPage.tsx').then((m) => ({ Component: m.AuditPage })) },
      { path: 'admin/subscribers', lazy: () => import('./admin/subscribers/SubscribersPage.tsx').then((m) => ({ Component: m.SubscribersPage })) },
      { path: 'finance/reconciliation', lazy: () => import('./finance/ReconciliationPage.tsx').then((m) => ({ Component: m.ReconciliationPage })) },
      { path: 'audit/invoices/:invoiceNumber', lazy: () => import('./audit/InvoiceCorrectionsPage.tsx').then((m) => ({ Component: m.InvoiceCorrectionsPage })) },
      { path: 'finance/month-close', lazy: () => import('./finance/MonthClosePage.tsx').then((m) => ({ Component: m.MonthClosePage })) },
      ...comingSoon,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
