import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from './auth/LoginPage.tsx';
import { RequireAuth } from './auth/RequireAuth.tsx';
import { CompanyCreatePage } from './companies/CompanyCreatePage.tsx';
import { CompanyDetailPage } from './companies/CompanyDetailPage.tsx';
import { CompanyEditPage } from './companies/CompanyEditPage.tsx';
import { CompanyListPage } from './companies/CompanyListPage.tsx';
import { EstimateListPage } from './estimates/EstimateListPage.tsx';
import { EstimatePage } from './estimates/EstimatePage.tsx';
import { HomePage } from './home/HomePage.tsx';
import { OrgPage } from './org/OrgPage.tsx';
import { PasswordPage } from './account/PasswordPage.tsx';
import { UserListPage } from './users/UserListPage.tsx';
import { OrderListPage } from './orders/OrderListPage.tsx';
import { OrderPage } from './orders/OrderPage.tsx';
import { ProjectCreatePage } from './projects/ProjectCreatePage.tsx';
import { ProjectDetailPage } from './projects/ProjectDetailPage.tsx';
import { ProjectEditPage } from './projects/ProjectEditPage.tsx';
import { ProjectListPage } from './projects/ProjectListPage.tsx';
import { PartnerDetailPage } from './partners/PartnerDetailPage.tsx';
import { PartnerFormPage } from './partners/PartnerFormPage.tsx';
import { PartnerListPage } from './partners/PartnerListPage.tsx';
import { AuditPage } from './audit/AuditPage.tsx';
import { SubscribersPage } from './admin/subscribers/SubscribersPage.tsx';
import { InvoiceCorrectionsPage } from './audit/InvoiceCorrectionsPage.tsx';
import { AppShell } from './shell/AppShell.tsx';
import { ComingSoonPage } from './shell/ComingSoonPage.tsx';
import { NotFoundPage } from './shell/NotFoundPage.tsx';
import { NAV_ITEMS } from './shell/navItems.ts';
import { MonthlySalesListPage } from './sales/MonthlySalesListPage.tsx';
import { SalesEntryPage } from './sales/SalesEntryPage.tsx';
import { InvoiceListPage } from './sales/InvoiceListPage.tsx';
import { ReceivablesPage } from './sales/ReceivablesPage.tsx';
import { ReconciliationPage } from './finance/ReconciliationPage.tsx';
import { MonthClosePage } from './finance/MonthClosePage.tsx';
import { RingiDetailPage } from './ringi/RingiDetailPage.tsx';
import { RingiListPage } from './ringi/RingiListPage.tsx';

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
      { path: 'companies', element: <CompanyListPage /> },
      { path: 'companies/new', element: <CompanyCreatePage /> },
      { path: 'companies/:id', element: <CompanyDetailPage /> },
      { path: 'companies/:id/edit', element: <CompanyEditPage /> },
      { path: 'projects', element: <ProjectListPage /> },
      { path: 'projects/new', element: <ProjectCreatePage /> },
      { path: 'projects/:id', element: <ProjectDetailPage /> },
      { path: 'projects/:id/edit', element: <ProjectEditPage /> },
      { path: 'projects/:id/estimate', element: <EstimatePage /> },
      { path: 'projects/:id/order', element: <OrderPage /> },
      { path: 'estimates', element: <EstimateListPage /> },
      { path: 'orders', element: <OrderListPage /> },
      { path: 'partners', element: <PartnerListPage /> },
      { path: 'partners/new', element: <PartnerFormPage /> },
      { path: 'partners/:id', element: <PartnerDetailPage /> },
      { path: 'partners/:id/edit', element: <PartnerFormPage /> },
      { path: 'monthly-sales', element: <MonthlySalesListPage /> },
      { path: 'monthly-sales/:projectId/:month', element: <SalesEntryPage /> },
      { path: 'invoices', element: <InvoiceListPage /> },
      { path: 'invoices/receivables', element: <ReceivablesPage /> },
      { path: 'ringi', element: <RingiListPage /> },
      { path: 'ringi/:id', element: <RingiDetailPage /> },
      { path: 'org', element: <OrgPage /> },
      { path: 'users', element: <UserListPage /> },
      { path: 'account/password', element: <PasswordPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: 'admin/subscribers', element: <SubscribersPage /> },
      { path: 'finance/reconciliation', element: <ReconciliationPage /> },
      { path: 'finance/month-close', element: <MonthClosePage /> },
      { path: 'audit/invoices/:invoiceNumber', element: <InvoiceCorrectionsPage /> },
      ...comingSoon,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
