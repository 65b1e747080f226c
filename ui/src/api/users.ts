import type { Role } from '@sss/contracts/http/auth';
import type { UserView } from '@sss/contracts/user/schemas';
import type { CollaboflowCheck } from '@sss/contracts/ringi/setup-check';
import { newIdempotencyKey } from '../lib/idempotency.ts';
import { command, queryString, request } from '../lib/http.ts';

/** ユーザー管理 (admins). Each command gets its own Idempotency-Key and the revision the admin saw. */

export const listUsers = (query: { q?: string; active?: boolean }, signal?: AbortSignal) => request<{ items: UserView[] }>('GET', `/api/users${queryString(query)}`, { signal });

/** The CollaboFlow setup check; `recheck` reads the tenant now instead of the last minute's report. */
export const getCollaboflowCheck = (recheck: boolean, signal?: AbortSignal) => request<CollaboflowCheck>('GET', `/api/admin/collaboflow/check${queryString(recheck ? { recheck } : {})}`, { signal });

const one = (id: string) => `/api/users/${encodeURIComponent(id)}`;
const key = () => ({ idempotencyKey: newIdempotencyKey() });

export const registerUser = (body: { email: string; name: string; roles: Role[]; orgUnitId: string | null; password: string }) => command('POST', '/api/users', body, key());
export const changeRoles = (user: UserView, roles: Role[]) => command('PUT', `${one(user.id)}/roles`, { roles }, { ...key(), ifMatch: user.revision });
export const changeOrgUnit = (user: UserView, orgUnitId: string | null) => command('PUT', `${one(user.id)}/org-unit`, { orgUnitId }, { ...key(), ifMatch: user.revision });
export const changeWorkflowLogin = (user: UserView, workflowLogin: string | null) => command('PUT', `${one(user.id)}/workflow-login`, { workflowLogin }, { ...key(), ifMatch: user.revision });
export const setEmployeeProfile = (user: UserView, profile: { employeeNo: string; classRank: string; monthlyCost: number | string }) => command('PUT', `${one(user.id)}/employee-profile`, profile, { ...key(), ifMatch: user.revision });
export const deactivateUser = (user: UserView) => command('POST', `${one(user.id)}/deactivate`, undefined, { ...key(), ifMatch: user.revision });
export const reactivateUser = (user: UserView) => command('POST', `${one(user.id)}/reactivate`, undefined, { ...key(), ifMatch: user.revision });
export const resetPassword = (user: UserView, newPassword: string) => command('POST', `${one(user.id)}/password-reset`, { newPassword }, key());
