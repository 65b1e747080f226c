import { DomainError } from '@sss/contracts/http/problem';
import type { Role } from '@sss/contracts/http/auth';
import type { Decider } from '../kernel/decider.ts';

/** ユーザー: who may sign in, with which roles. Password hashes are argon2id, made at the edge. */

export type UserEvent =
  | { type: 'UserRegistered'; data: { userId: string; email: string; name: string; roles: Role[]; orgUnitId: string | null; passwordHash: string } }
  | { type: 'UserPasswordChanged'; data: { userId: string; passwordHash: string } }
  | { type: 'UserRolesChanged'; data: { userId: string; roles: Role[] } }
  | { type: 'UserDeactivated'; data: { userId: string } };

export type UserCommand =
  | { type: 'RegisterUser'; userId: string; email: string; name: string; roles: Role[]; orgUnitId: string | null; passwordHash: string }
  | { type: 'ChangePassword'; passwordHash: string }
  | { type: 'ChangeRoles'; roles: Role[] }
  | { type: 'DeactivateUser' };

export interface UserState {
  readonly userId: string | null;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly passwordHash: string;
  readonly active: boolean;
}

export const userDecider: Decider<UserCommand, UserEvent, UserState> = {
  initialState: { userId: null, email: '', name: '', roles: [], passwordHash: '', active: false },
  decide(command, state) {
    if (command.type !== 'RegisterUser' && !state.userId) return new DomainError('not_found', 'ユーザーが見つかりません。');
    switch (command.type) {
      case 'RegisterUser': {
        if (state.userId) return new DomainError('already_exists', 'このユーザーは既に登録されています。');
        if (command.roles.length === 0) return DomainError.field('validation_failed', 'roles', 'ロールを1つ以上選んでください。');
        const { type: _type, ...data } = command;
        return [{ type: 'UserRegistered', data: { ...data, email: data.email.toLowerCase() } }];
      }
      case 'ChangePassword':
        return [{ type: 'UserPasswordChanged', data: { userId: state.userId!, passwordHash: command.passwordHash } }];
      case 'ChangeRoles':
        if (command.roles.length === 0) return DomainError.field('validation_failed', 'roles', 'ロールを1つ以上選んでください。');
        return [{ type: 'UserRolesChanged', data: { userId: state.userId!, roles: command.roles } }];
      case 'DeactivateUser':
        return state.active ? [{ type: 'UserDeactivated', data: { userId: state.userId! } }] : [];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'UserRegistered':
        return { userId: event.data.userId, email: event.data.email, name: event.data.name, roles: event.data.roles, passwordHash: event.data.passwordHash, active: true };
      case 'UserPasswordChanged':
        return { ...state, passwordHash: event.data.passwordHash };
      case 'UserRolesChanged':
        return { ...state, roles: event.data.roles };
      case 'UserDeactivated':
        return { ...state, active: false };
    }
  },
};
