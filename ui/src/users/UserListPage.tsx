import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ROLE_LABELS, type Role } from '@sss/contracts/http/auth';
import { orgQueries } from '../org/queries.ts';
import { may, useSession } from '../auth/index.ts';
import { formatDateTime, today } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useDebounced } from '../lib/useDebounced.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { UserDialog, type UserAction } from './UserDialog.tsx';
import { CollaboflowCheckSection } from './CollaboflowCheckSection.tsx';
import { UserHistoryDialog } from './UserHistoryDialog.tsx';
import type { UserView } from '@sss/contracts/user/schemas';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { userQueries } from './queries.ts';
import { requires } from '../auth/index.ts';

/** ユーザー管理: every user with unit, roles and state; each command in a dialog. */
export function UserListPage() {
  const { t, language } = useI18n();
  const l = useLabels(userLabels);
  const { data: me } = useSession();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim());
  const [activeOnly, setActiveOnly] = useState(false);
  const [action, setAction] = useState<UserAction | null>(null);
  const [historyOf, setHistoryOf] = useState<UserView | null>(null);
  // The auditor reads the list and each user's history, and is offered no command (the table decides).
  const administers = may(me, 'POST', '/api/users');
  useDocumentTitle(l('title'));
  const query = { ...(q ? { q } : {}), ...(activeOnly ? { active: true } : {}) };
  const users = useQuery(userQueries.list(query));
  const units = useQuery(orgQueries.tree(today(), true));

  return (
    <section className="page" data-testid="user-list">
      <div className="page-header">
        <h1>{l('title')}</h1>
        {administers && <button type="button" className="button primary" data-testid="user-new" {...requires('POST', '/api/users')} onClick={() => setAction({ kind: 'register' })}>{l('newUser')}</button>}
      </div>
      <div className="toolbar">
        <input type="search" className="search" placeholder={l('search')} aria-label={l('search')} data-testid="user-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <label className="checkbox"><input type="checkbox" data-testid="user-active-only" checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)} />{l('activeOnly')}</label>
      </div>
      <ProblemMessage error={users.error} onRetry={() => void users.refetch()} />
      <div className="table-wrap">
        <table className="table" data-testid="user-table">
          <thead><tr><th>{l('name')}</th><th>{l('email')}</th><th>{l('orgUnit')}</th><th>{l('roles')}</th><th>{l('workflowLogin')}</th><th>{l('employeeProfile')}</th><th>{l('status')}</th><th>{l('lastSignIn')}</th><th>{l('actions')}</th></tr></thead>
          <tbody>
            {users.isPending && <tr><td colSpan={9} className="empty">{t('common.loading')}</td></tr>}
            {users.data?.items.length === 0 && <tr><td colSpan={9} className="empty">{l('empty')}</td></tr>}
            {users.data?.items.map((user) => (
              <tr key={user.id} data-testid="user-row" data-email={user.email}>
                <td>{user.name}</td>
                <td className="mono">{user.email}</td>
                <td data-testid="user-org-unit">{user.orgUnitName ?? '—'}</td>
                <td data-testid="user-row-roles">{user.roles.map((r) => (language === 'en' ? r : ROLE_LABELS[r as Role] ?? r)).join('、')}</td>
                <td className="mono" data-testid="user-workflow-login">{user.workflowLogin ?? <span className="subtle">{l('notSet')}</span>}</td>
                <td className="mono" data-testid="user-employee-profile">{user.employeeNo ? `${user.employeeNo} / ${user.classRank ?? ''} / ${formatYen(user.monthlyCost ?? 0)}` : <span className="subtle">{l('notSet')}</span>}</td>
                <td><span className="badge" data-testid="user-status">{user.active ? l('active') : l('inactive')}</span></td>
                <td className="date" data-testid="user-last-sign-in">{formatDateTime(user.lastSignInAt)}{user.lastSignInVia === 'oidc' && ' (SSO)'}</td>
                <td className="actions">
                  {may(me, 'GET', '/api/users/:id/history') && <button type="button" className="button small" data-testid="user-history" {...requires('GET', '/api/users/:id/history')} onClick={() => setHistoryOf(user)}>{l('history')}</button>}
                  {administers && <>
                  <button type="button" className="button small" data-testid="user-roles-edit" {...requires('PUT', '/api/users/:id/roles')} onClick={() => setAction({ kind: 'roles', user })}>{l('changeRoles')}</button>
                  <button type="button" className="button small" data-testid="user-org-edit" {...requires('PUT', '/api/users/:id/org-unit')} onClick={() => setAction({ kind: 'orgUnit', user })}>{l('changeOrgUnit')}</button>
                  <button type="button" className="button small" data-testid="user-workflow-login-edit" {...requires('PUT', '/api/users/:id/workflow-login')} onClick={() => setAction({ kind: 'workflowLogin', user })}>{l('workflowLogin')}</button>
                  <button type="button" className="button small" data-testid="user-employee-profile-edit" {...requires('PUT', '/api/users/:id/employee-profile')} onClick={() => setAction({ kind: 'employeeProfile', user })}>{l('employeeProfile')}</button>
                  <button type="button" className="button small" data-testid="user-password-reset" {...requires('POST', '/api/users/:id/password-reset')} onClick={() => setAction({ kind: 'password', user })}>{l('resetPassword')}</button>
                  {user.id !== me?.id && (user.active
                    ? <button type="button" className="button small danger" data-testid="user-deactivate" {...requires('POST', '/api/users/:id/deactivate')} onClick={() => setAction({ kind: 'deactivate', user })}>{l('deactivate')}</button>
                    : <button type="button" className="button small" data-testid="user-reactivate" {...requires('POST', '/api/users/:id/reactivate')} onClick={() => setAction({ kind: 'reactivate', user })}>{l('reactivate')}</button>)}
                  </>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CollaboflowCheckSection />
      {historyOf && <UserHistoryDialog user={historyOf} onClose={() => setHistoryOf(null)} />}
      {action && <UserDialog action={action} units={units.data?.units ?? []} onClose={() => setAction(null)} />}
    </section>
  );
}
