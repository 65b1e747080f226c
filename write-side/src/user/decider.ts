import { DomainError } from '@sss/contracts/http/problem';
import type { Role } from '@sss/contracts/http/auth';
import type { UserEvent } from '@sss/contracts/user/events';
import type { Decider } from '../kernel/decider.ts';

/** ユーザー: who may sign in, with which roles, in which unit. Password hashes are argon2id, made at the edge. */

export type { UserEvent };

export type UserCommand =
  | { type: 'RegisterUser'; userId: string; email: string; name: string; roles: Role[]; orgUnitId: string | null; passwordHash: string }
  | { type: 'ChangePassword'; passwordHash: string; byAdmin?: boolean }
  | { type: 'ChangeRoles'; roles: Role[]; actor: string }
  | { type: 'ChangeOrgUnit'; orgUnitId: string | null }
  | { type: 'ChangeWorkflowLogin'; workflowLogin: string | null }
  | { type: 'SetEmployeeProfile'; employeeNo: string; classRank: string; monthlyCost: number }
  | { type: 'DeactivateUser'; actor: string }
  | { type: 'ReactivateUser' };

export interface UserState {
  readonly userId: string | null;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly orgUnitId: string | null;
  readonly workflowLogin: string | null;
  /** 社員マスタ; null until set (users registered before it existed read as not set). */
  readonly employeeNo: string | null;
  readonly classRank: string | null;
  readonly monthlyCost: number | null;
  readonly passwordHash: string;
  readonly active: boolean;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { userId: null, email: '', name: '', roles: [], orgUnitId: null, workflowLogin: null, employeeNo: null, classRank: null, monthlyCost: null, passwordHash: '', active: false },
  decide(command, state) {
    if (command.type !== 'RegisterUser' && !state.userId) return new DomainError('not_found', 'ユーザーが見つかりません。');
    const userId = state.userId!;
    switch (command.type) {
      case 'RegisterUser': {
        if (state.userId) return new DomainError('already_exists', 'このユーザーは既に登録されています。');
        if (command.roles.length === 0) return DomainError.field('validation_failed', 'roles', 'ロールを1つ以上選んでください。');
        const { type: _type, ...data } = command;
        return [{ type: 'UserRegistered', data: { ...data, email: data.email.toLowerCase() } }];
      }
      case 'ChangePassword':
        return [{ type: 'UserPasswordChanged', data: { userId, passwordHash: command.passwordHash, ...(command.byAdmin ? { byAdmin: true } : {}) } }];
      case 'ChangeRoles':
        if (command.roles.length === 0) return DomainError.field('validation_failed', 'roles', 'ロールを1つ以上選んでください。');
        // an administrator removing their own admin role could leave nobody able to undo it
        if (command.actor === userId && state.roles.includes('admin') && !command.roles.includes('admin')) {
          return DomainError.field('rule_violated', 'roles', '自分自身のシステム管理者ロールは外せません。他の管理者に依頼してください。');
        }
        return sameRoles(command.roles, state.roles) ? [] : [{ type: 'UserRolesChanged', data: { userId, roles: command.roles } }];
      case 'ChangeOrgUnit':
        return command.orgUnitId === state.orgUnitId ? [] : [{ type: 'UserOrgUnitChanged', data: { userId, orgUnitId: command.orgUnitId } }];
      case 'ChangeWorkflowLogin':
        return command.workflowLogin === state.workflowLogin ? [] : [{ type: 'UserWorkflowLoginChanged', data: { userId, workflowLogin: command.workflowLogin } }];
      case 'SetEmployeeProfile': {
        const { employeeNo, classRank, monthlyCost } = command;
        if (!Number.isSafeInteger(monthlyCost) || monthlyCost < 0) return DomainError.field('validation_failed', 'monthlyCost', '原価単価は0以上の整数（円）で入力してください。');
        const unchanged = employeeNo === state.employeeNo && classRank === state.classRank && monthlyCost === state.monthlyCost;
        return unchanged ? [] : [{ type: 'EmployeeProfileSet', data: { userId, employeeNo, classRank, monthlyCost } }];
      }
      case 'DeactivateUser':
        if (command.actor === userId) return new DomainError('rule_violated', '自分自身は無効化できません。他の管理者に依頼してください。');
        return state.active ? [{ type: 'UserDeactivated', data: { userId } }] : [];
      case 'ReactivateUser':
        return state.active ? [] : [{ type: 'UserReactivated', data: { userId } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered': {
        const { userId, email, name, roles, orgUnitId, passwordHash } = event.data;
        return { userId, email, name, roles, orgUnitId, workflowLogin: null, employeeNo: null, classRank: null, monthlyCost: null, passwordHash, active: true };
      }
      case 'UserPasswordChanged':
        return { ...state, passwordHash: event.data.passwordHash };
      case 'UserRolesChanged':
        return { ...state, roles: event.data.roles };
      case 'UserOrgUnitChanged':
        return { ...state, orgUnitId: event.data.orgUnitId };
      case 'UserWorkflowLoginChanged':
        return { ...state, workflowLogin: event.data.workflowLogin };
      case 'EmployeeProfileSet':
        return { ...state, employeeNo: event.data.employeeNo, classRank: event.data.classRank, monthlyCost: event.data.monthlyCost };
      case 'UserDeactivated':
        return { ...state, active: false };
      case 'UserReactivated':
        return { ...state, active: true };
    }
  },
};
