import type { MessageKey } from '../i18n/dictionary.ts';

export interface NavItem {
  /** Stable id: names the route and the `nav-<id>` test id. */
  id: string;
  path: string;
  label: MessageKey;
  /** Built screens; the rest route to the 準備中 page. */
  ready: boolean;
  /** The API call the screen needs (`GET /api/...`): shown only to roles the authorization table admits to it. */
  requires?: { method: string; route: string };
}

/** The whole system in business-flow order: proposal → estimate → order → monthly sales → billing, then masters. */
export const NAV_ITEMS: readonly NavItem[] = [
  { id: 'home', path: '/', label: 'nav.home', ready: true },
  { id: 'projects', path: '/projects', label: 'nav.projects', ready: true },
  { id: 'estimates', path: '/estimates', label: 'nav.estimates', ready: true },
  { id: 'orders', path: '/orders', label: 'nav.orders', ready: true },
  { id: 'monthly-sales', path: '/monthly-sales', label: 'nav.monthlySales', ready: true },
  { id: 'invoices', path: '/invoices', label: 'nav.invoices', ready: true },
  { id: 'ringi', path: '/ringi', label: 'nav.ringi', ready: true },
  { id: 'companies', path: '/companies', label: 'nav.companies', ready: true },
  { id: 'partners', path: '/partners', label: 'nav.partners', ready: true },
  { id: 'org', path: '/org', label: 'nav.org', ready: true },
  { id: 'users', path: '/users', label: 'nav.users', ready: true },
  { id: 'audit', path: '/audit', label: 'nav.audit', ready: true },
  { id: 'reconciliation', path: '/finance/reconciliation', label: 'nav.reconciliation', ready: true, requires: { method: 'GET', route: '/api/deposits' } },
  // 経理's screen: shown to the roles that may close a month.
  { id: 'month-close', path: '/finance/month-close', label: 'nav.monthClose', ready: true, requires: { method: 'POST', route: '/api/accounting-periods/:month/close' } },
  { id: 'subscribers', path: '/admin/subscribers', label: 'nav.subscribers', ready: true, requires: { method: 'GET', route: '/api/admin/subscribers' } },
];
