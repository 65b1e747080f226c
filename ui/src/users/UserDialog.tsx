import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROLE_LABELS, ROLES, type Role } from '@sss/contracts/http/auth';
import type { OrgUnitView } from '@sss/contracts/organization/schemas';
import type { UserView } from '@sss/contracts/user/schemas';
import { changeOrgUnit, changeRoles, changeWorkflowLogin, deactivateUser, reactivateUser, registerUser, resetPassword, setEmployeeProfile } from '../api/users.ts';
import { normalizeNumber } from '../lib/numberInput.ts';
import { isApiError } from '../lib/problem.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Field } from '../components/Field.tsx';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { userLabels } from '../i18n/users.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { userQueries } from './queries.ts';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';

export type UserAction = { kind: 'register' } | { kind: 'roles' | 'orgUnit' | 'workflowLogin' | 'employeeProfile' | 'deactivate' | 'reactivate' | 'password'; user: UserView };

/** Every user-administration command as one small dialog; the server's field messages sit beside the fields. */
export function UserDialog({ action, units, onClose }: { action: UserAction; units: readonly OrgUnitView[]; onClose: () => void }) {
  const { t, language } = useI18n();
  const l = useLabels(userLabels);
  const client = useQueryClient();
  const user = action.kind === 'register' ? null : action.user;
  const [roles, setRoles] = useState<Role[]>(user ? (user.roles as Role[]) : ['sales']);
  const [orgUnitId, setOrgUnitId] = useState(user?.orgUnitId ?? '');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [workflowLogin, setWorkflowLogin] = useState(user?.workflowLogin ?? '');
  const [employeeNo, setEmployeeNo] = useState(user?.employeeNo ?? '');
  const [classRank, setClassRank] = useState(user?.classRank ?? '');
  const [monthlyCost, setMonthlyCost] = useState(user?.monthlyCost === undefined ? '' : String(user.monthlyCost));

  const mutation = useMutation({
    mutationFn: () => {
      switch (action.kind) {
        case 'register': return registerUser({ email: email.trim(), name: name.trim(), roles, orgUnitId: orgUnitId || null, password });
        case 'roles': return changeRoles(action.user, roles);
        case 'orgUnit': return changeOrgUnit(action.user, orgUnitId || null);
        case 'workflowLogin': return changeWorkflowLogin(action.user, workflowLogin.trim() || null);
        case 'employeeProfile': {
          // 「720,000」 and full-width digits are read as yen; anything else goes as typed, so the server names the field
          const cost = normalizeNumber(monthlyCost);
          return setEmployeeProfile(action.user, { employeeNo: employeeNo.trim(), classRank: classRank.trim(), monthlyCost: /^\d+$/.test(cost) ? Number(cost) : cost });
        }
        case 'deactivate': return deactivateUser(action.user);
        case 'reactivate': return reactivateUser(action.user);
        case 'password': return resetPassword(action.user, password);
      }
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: userQueries.all });
      onClose();
    },
  });
  const errors = Object.fromEntries((isApiError(mutation.error) ? mutation.error.fieldErrors : []).map((e) => [e.field.replace(/\.\d+$/, ''), e.message]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const titles = { register: l('newUser'), roles: l('changeRoles'), orgUnit: l('changeOrgUnit'), workflowLogin: l('workflowLogin'), employeeProfile: l('employeeProfile'), deactivate: l('deactivate'), reactivate: l('reactivate'), password: l('resetPassword') };
  const input = (field: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <Field label={label} name={field} error={errors[field]} required hint={type === 'password' ? l('passwordRules') : undefined}>
      {({ id, describedBy, invalid }) => <input id={id} type={type} data-testid={`input-${field}`} value={value} aria-invalid={invalid} aria-describedby={describedBy} autoComplete="off" onChange={(e) => set(e.target.value)} />}
    </Field>
  );

  return (
    <Dialog title={`${titles[action.kind]}${user ? `: ${user.name}` : ''}`} testId="dialog-user" onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {action.kind === 'register' && input('email', l('email'), email, setEmail, 'email')}
        {action.kind === 'register' && input('name', l('name'), name, setName)}
        {(action.kind === 'register' || action.kind === 'roles') && (
          <Field label={l('roles')} name="roles" error={errors.roles} required>
            {() => (
              <div className="checkbox-group">
                {ROLES.map((role) => (
                  <label key={role} className="checkbox">
                    <input type="checkbox" data-testid={`role-${role}`} checked={roles.includes(role)} onChange={(e) => setRoles((current) => (e.target.checked ? [...current, role] : current.filter((r) => r !== role)))} />
                    {language === 'en' ? role : ROLE_LABELS[role]}
                  </label>
                ))}
              </div>
            )}
          </Field>
        )}
        {(action.kind === 'register' || action.kind === 'orgUnit') && (
          <Field label={l('orgUnit')} name="orgUnitId" error={errors.orgUnitId}>
            {({ id }) => (
              <select id={id} data-testid="input-orgUnitId" value={orgUnitId} onChange={(e) => setOrgUnitId(e.target.value)}>
                <option value="">{l('none')}</option>
                {units.map((u) => <option key={u.id} value={u.id}>{u.path.join(' / ')}</option>)}
              </select>
            )}
          </Field>
        )}
        {action.kind === 'workflowLogin' && (
          <Field label={l('workflowLogin')} name="workflowLogin" error={errors.workflowLogin} hint={l('workflowLoginHint')}>
            {({ id, describedBy, invalid }) => <input id={id} data-testid="input-workflowLogin" value={workflowLogin} aria-invalid={invalid} aria-describedby={describedBy} autoComplete="off" onChange={(e) => setWorkflowLogin(e.target.value)} />}
          </Field>
        )}
        {action.kind === 'employeeProfile' && <p className="hint">{l('employeeProfileHint')}</p>}
        {action.kind === 'employeeProfile' && input('employeeNo', l('employeeNo'), employeeNo, setEmployeeNo)}
        {action.kind === 'employeeProfile' && input('classRank', l('classRank'), classRank, setClassRank)}
        {action.kind === 'employeeProfile' && input('monthlyCost', l('monthlyCost'), monthlyCost, setMonthlyCost)}
        {action.kind === 'register' && input('password', l('initialPassword'), password, setPassword, 'password')}
        {action.kind === 'password' && input('newPassword', l('newPassword'), password, setPassword, 'password')}
        {action.kind === 'deactivate' && <p className="alert error">{l('deactivateWarning')}</p>}
        <ProblemMessage error={mutation.error} shownFields={['email', 'name', 'roles', 'orgUnitId', 'workflowLogin', 'employeeNo', 'classRank', 'monthlyCost', 'password', 'newPassword']} testId="dialog-error" />
        <div className="form-actions">
          <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className={`button ${action.kind === 'deactivate' ? 'danger' : 'primary'}`} data-testid="dialog-submit" disabled={mutation.isPending}>{mutation.isPending ? t('common.saving') : t('common.execute')}</button>
        </div>
      </form>
      {user && <HistoryPanel route="/api/users/:id/history" params={{ id: user.id }} revision={user.revision} />}
    </Dialog>
  );
}
