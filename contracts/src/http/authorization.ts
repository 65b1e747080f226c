import type { Role } from './auth.ts';

/**
 * The one authorization table: every API route, and which roles may call it. The gate refuses any
 * route missing here (fail closed), and a test walks the table route by route for every role.
 */

export type Access = 'public' | 'authenticated' | readonly Role[];

const ALL_STAFF: readonly Role[] = ['sales', 'sales_admin', 'division_head', 'finance', 'auditor', 'admin'];
const MASTER_EDITORS: readonly Role[] = ['sales', 'sales_admin', 'admin'];
const CREDIT_OFFICERS: readonly Role[] = ['sales_admin', 'finance', 'admin'];
const SALES_BOOKERS: readonly Role[] = ['sales_admin', 'admin'];
const LEDGER_AUDITORS: readonly Role[] = ['auditor', 'admin'];
const HISTORY_READERS: readonly Role[] = ['sales', 'sales_admin', 'division_head', 'finance', 'auditor', 'admin'];

export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  // CollaboFlow signs nothing: the webhook only records a hint, the 稟議 process manager re-reads the document.
  'POST /api/webhooks/collaboflow': 'public',
  'POST /api/auth/logout': 'authenticated',
  'GET /api/auth/me': 'authenticated',
  // The subscriber console: positions, lag, failures (docs/architecture.md §Operating the pipeline).
  // The auditor may look at the pipeline's state too; retry and skip stay the admin's.
  'GET /api/admin/subscribers': ['admin', 'auditor'],
  'POST /api/admin/subscribers/:name/parked/:eventId/retry': ['admin'],
  'POST /api/admin/subscribers/:name/parked/:eventId/skip': ['admin'],
  'GET /api/admin/write-subscribers': ['admin', 'auditor'],

  'POST /api/companies': MASTER_EDITORS,
  'PUT /api/companies/:id': MASTER_EDITORS,
  'POST /api/companies/:id/anti-social-checks': ['sales_admin', 'admin'],
  'POST /api/companies/:id/credit-limit': CREDIT_OFFICERS,
  'POST /api/companies/:id/abolish': ['sales_admin', 'admin'],
  'GET /api/companies': ALL_STAFF,
  'GET /api/companies/:id': ALL_STAFF,
  'GET /api/companies/export.csv': ALL_STAFF,
  'GET /api/companies/:id/history': HISTORY_READERS,

  'POST /api/users': ['admin'],
  'POST /api/auth/password': 'authenticated',
  'POST /api/auth/sessions/end-all': 'authenticated',
  'GET /api/auth/providers': 'public',
  'GET /api/auth/oidc/start': 'public',
  'GET /api/auth/oidc/callback': 'public',
  // The auditor reads everything (issue: 監査 reads every record, never writes).
  'GET /api/users': ['admin', 'auditor'],
  'GET /api/users/:id': ['admin', 'auditor'],
  // The CollaboFlow setup check (issue #18): what to fix in the tenant or in SSS before filing. The auditor may look.
  'GET /api/admin/collaboflow/check': ['admin', 'auditor'],
  'GET /api/users/:id/history': ['admin', 'auditor'],
  'PUT /api/users/:id/roles': ['admin'],
  'PUT /api/users/:id/org-unit': ['admin'],
  'PUT /api/users/:id/workflow-login': ['admin'],
  'POST /api/users/:id/deactivate': ['admin'],
  'POST /api/users/:id/reactivate': ['admin'],
  'POST /api/users/:id/password-reset': ['admin'],

  // 組織: everyone reads the tree (as of any date); only admins stage, review and confirm reorganizations.
  'POST /api/org-draft/changes': ['admin'],
  'POST /api/org-draft/changes/:changeId/withdraw': ['admin'],
  'POST /api/org-draft/discard': ['admin'],
  'POST /api/org-draft/confirm': ['admin'],
  'GET /api/org-draft': ['admin', 'auditor'],
  'GET /api/org-units': ALL_STAFF,
  'GET /api/org-units/:id': ALL_STAFF,
  'GET /api/org-reorganizations': ALL_STAFF,
  'GET /api/organization/history': HISTORY_READERS,

  'POST /api/partners': MASTER_EDITORS,
  'PUT /api/partners/:id': MASTER_EDITORS,
  'PUT /api/partners/:id/affiliations': MASTER_EDITORS,
  'POST /api/partners/:id/retire': ['sales_admin', 'admin'],
  'GET /api/partners': ALL_STAFF,
  'GET /api/partners/:id': ALL_STAFF,
  'GET /api/partners/:id/history': HISTORY_READERS,
  'GET /api/partner-companies': ALL_STAFF,

  // 月次売上・請求: 営業管理 books and invoices; the 稟議 outcome comes from the process manager (admin
  // may send it by hand); 経理 records 入金; finance reports are for everyone who reads numbers.
  'PUT /api/monthly-sales/:projectId/:month/actual': SALES_BOOKERS,
  'POST /api/monthly-sales/:projectId/:month/sales-check': SALES_BOOKERS,
  'POST /api/monthly-sales/:projectId/:month/sales-check/outcome': ['admin'],
  'POST /api/monthly-sales/:projectId/:month/invoice': SALES_BOOKERS,
  'POST /api/monthly-sales/:projectId/:month/invoice/correction': SALES_BOOKERS,
  'POST /api/monthly-sales/:projectId/:month/invoice/correction/sales-check': SALES_BOOKERS,
  'POST /api/monthly-sales/:projectId/:month/payments': ['sales_admin', 'finance', 'admin'],
  'GET /api/monthly-sales/:projectId/:month/history': HISTORY_READERS,
  'GET /api/monthly-sales': ALL_STAFF,
  'GET /api/monthly-sales/:projectId/:month': ALL_STAFF,
  'GET /api/monthly-sales/:projectId/:month/documents/:kind': ALL_STAFF,
  'GET /api/invoices': ALL_STAFF,
  'GET /api/invoices/:invoiceNumber': ALL_STAFF,
  'GET /api/invoices/:invoiceNumber/pdf': ALL_STAFF,
  'GET /api/invoices/:invoiceNumber/history': HISTORY_READERS,
  'GET /api/receivables': ALL_STAFF,
  'GET /api/reports/sales-plan-actual': ALL_STAFF,
  'GET /api/reports/sales-plan-actual/projects': ALL_STAFF,
  'GET /api/reports/sales-by-customer': ALL_STAFF,
  'GET /api/reports/sales-by-contract-type': ALL_STAFF,
  'GET /api/dashboard': ALL_STAFF,
  'GET /api/exports/:list': ALL_STAFF,
  // 稟議: everyone sees where each 稟議 stands (the approvers decide in CollaboFlow, not here).
  'GET /api/ringis': ALL_STAFF,
  'GET /api/ringis/:id': ALL_STAFF,
  'GET /api/ringis/:id/history': HISTORY_READERS,
  'POST /api/ringis/:id/retry': ['sales_admin', 'admin'],
  // 案件・見積・受注: sales staff and 営業管理 edit; everyone who reads numbers reads. A 稟議 outcome and the
  // 受注確定 normally come from the 稟議 process manager (system:ringi, in process); by hand only 営業管理/admin.
  'POST /api/projects': MASTER_EDITORS,
  'PUT /api/projects/:id': MASTER_EDITORS,
  'POST /api/projects/:id/copy': MASTER_EDITORS,
  'POST /api/projects/:id/resources': MASTER_EDITORS,
  'PUT /api/projects/:id/resources/:resourceNo': MASTER_EDITORS,
  'DELETE /api/projects/:id/resources/:resourceNo': MASTER_EDITORS,
  'PUT /api/projects/:id/resources/:resourceNo/effort': MASTER_EDITORS,
  'POST /api/projects/:id/employee-costs/refresh': ['sales_admin', 'admin'],
  'PUT /api/projects/:id/billing-schedule': MASTER_EDITORS,
  'POST /api/projects/:id/status': MASTER_EDITORS,
  'POST /api/projects/:id/approvals': MASTER_EDITORS,
  'POST /api/projects/:id/approvals/outcome': ['sales_admin', 'admin'],
  'POST /api/projects/:id/sales-actual/start': ['sales_admin', 'admin'],
  'POST /api/projects/:id/sales-actual/finish': ['sales_admin', 'admin'],
  'GET /api/projects/:id/history': HISTORY_READERS,
  'POST /api/estimates': MASTER_EDITORS,
  'PUT /api/estimates/:id': MASTER_EDITORS,
  'POST /api/estimates/:id/issue': MASTER_EDITORS,
  'POST /api/estimates/:id/revise': MASTER_EDITORS,
  'GET /api/estimates/:id/history': HISTORY_READERS,
  'POST /api/orders': MASTER_EDITORS,
  'PUT /api/orders/:id': MASTER_EDITORS,
  'POST /api/orders/:id/confirm': ['sales_admin', 'admin'],
  'POST /api/orders/:id/cancel': MASTER_EDITORS,
  'GET /api/orders/:id/history': HISTORY_READERS,
  'GET /api/projects': ALL_STAFF,
  'GET /api/projects/export.csv': ALL_STAFF,
  'GET /api/projects/:id': ALL_STAFF,
  'GET /api/projects/:id/balance-sheet.xlsx': ALL_STAFF,
  'GET /api/estimates': ALL_STAFF,
  'GET /api/estimates/:id': ALL_STAFF,
  'GET /api/estimates/:id/quotation.xlsx': ALL_STAFF,
  'GET /api/estimates/:id/quotation.pdf': ALL_STAFF,
  'GET /api/orders': ALL_STAFF,
  'GET /api/orders/export.csv': ALL_STAFF,
  'GET /api/orders/export.xlsx': ALL_STAFF,
  'GET /api/orders/:id': ALL_STAFF,
  'GET /api/project-staff': ALL_STAFF,
  // 監査: the ledger's public key, signed checkpoints and whole-store verifications (docs/tamper-evidence.md).
  'GET /api/audit/ledger/public-key': LEDGER_AUDITORS,
  'GET /api/audit/ledger/checkpoints': LEDGER_AUDITORS,
  'POST /api/audit/verifications': LEDGER_AUDITORS,
  'GET /api/audit/verifications/latest': LEDGER_AUDITORS,
  // 監査 searches: every recorded event (docs/audit.md) and an invoice's correction history (電子帳簿保存法).
  'GET /api/audit/events': LEDGER_AUDITORS,
  'GET /api/audit/events/export.csv': LEDGER_AUDITORS,
  'GET /api/audit/invoices/:invoiceNumber/corrections': LEDGER_AUDITORS,
  'GET /api/audit/documents': LEDGER_AUDITORS,
  // 入金消込 (docs/finance.md): 経理 imports bank files, confirms matches and refunds; readers of numbers read.
  'POST /api/bank-files': ['finance', 'admin'],
  'POST /api/deposits/:id/match': ['finance', 'admin'],
  'POST /api/deposits/:id/refund': ['finance', 'admin'],
  'GET /api/deposits': ['sales_admin', 'finance', 'division_head', 'auditor', 'admin'],
  'GET /api/deposits/:id/suggestions': ['finance', 'auditor', 'admin'],
  'GET /api/deposits/:id/history': HISTORY_READERS,
  'GET /api/suspense-receipts': ['sales_admin', 'finance', 'division_head', 'auditor', 'admin'],
  // 月次締め (docs/finance.md §Month-end close): 経理 closes and reopens; admin too, as for every 経理 command above.
  'POST /api/accounting-periods/:month/close': ['finance', 'admin'],
  'POST /api/accounting-periods/:month/reopen': ['finance', 'admin'],
  'GET /api/accounting-periods': ALL_STAFF,
  'GET /api/accounting-periods/:month/history': HISTORY_READERS,
  // The 振込手数料 tolerance matching uses (docs/finance.md §Fee tolerance): 経理 sets it.
  'PUT /api/companies/:id/fee-tolerance': ['finance', 'admin'],
  // Projection versions and blue/green rebuilds (docs/rebuilds.md): the auditor may watch, only the admin starts one.
  'GET /api/admin/rebuilds': ['admin', 'auditor'],
  'POST /api/admin/rebuilds': ['admin'],
  // 社員マスタ (社員番号・クラスランク・原価単価): the admin keeps it; everyone reads it through GET /api/users (admin, auditor) and the staff picker.
  'PUT /api/users/:id/employee-profile': ['admin'],
  // 売上連絡票: issuing freezes its content (docs/as-of.md §Issued documents); every issue re-prints as issued.
  'POST /api/monthly-sales/:projectId/:month/sales-report': SALES_BOOKERS,
  'GET /api/monthly-sales/:projectId/:month/sales-reports': ALL_STAFF,
  'GET /api/monthly-sales/:projectId/:month/sales-reports/:issueNo/:format': ALL_STAFF,
};

export function accessOf(method: string, url: string): Access | undefined {
  return ROUTE_ACCESS[`${method.toUpperCase()} ${url}`];
}

export function mayCall(access: Access, roles: readonly Role[] | undefined): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  if (access === 'authenticated') return true;
  return access.some((role) => roles.includes(role));
}
