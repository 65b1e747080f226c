import { eventTypesIn } from '@sss/contracts/events/registry';
import { searchKeyOf } from '@sss/contracts/domain/search-key';
import { SEARCH_KEY } from '../http/query-helpers.ts';
import { defineProjection, type DocChange, type Projection } from '../projector/projection.ts';

/** ユーザー一覧 / ユーザー詳細 for administrators. Password hashes are never copied into a read model. */

export const USERS = 'users';

export const userProjection: Projection = defineProjection({
  name: 'users',
  // 2: documents carry the folded search key (name, email)
  version: 2,
  collections: { [USERS]: [{ keys: { email: 1 } }, { keys: { [SEARCH_KEY]: 1 } }] },

  canHandle: ['UserSignedIn', ...eventTypesIn('user')],

  async project(event, docs): Promise<DocChange[]> {
    if (event.type === 'UserSignedIn') {
      const { userId, via } = event.data;
      const user = await docs.get(USERS, userId);
      return user ? [{ op: 'put', collection: USERS, doc: { ...user, lastSignInAt: event.metadata.occurredAt, lastSignInVia: via } }] : [];
    }
    const e = event;
    const common = { revision: event.revision.toString(), updatedAt: event.metadata.occurredAt };
    if (e.type === 'UserRegistered') {
      const { userId, email, name, roles, orgUnitId } = e.data;
      return [{ op: 'put', collection: USERS, doc: { _id: userId, id: userId, email, name, [SEARCH_KEY]: searchKeyOf(name, email), roles, orgUnitId, active: true, lastSignInAt: null, lastSignInVia: null, registeredAt: event.metadata.occurredAt, ...common } }];
    }
    const current = await docs.get(USERS, e.data.userId);
    if (!current) return [];
    const put = (patch: Record<string, unknown>): DocChange[] => [{ op: 'put', collection: USERS, doc: { ...current, ...patch, ...common } }];
    switch (e.type) {
      case 'UserRolesChanged':
        return put({ roles: e.data.roles });
      case 'UserOrgUnitChanged':
        return put({ orgUnitId: e.data.orgUnitId });
      case 'UserWorkflowLoginChanged':
        return put({ workflowLogin: e.data.workflowLogin });
      case 'EmployeeProfileSet':
        return put({ employeeNo: e.data.employeeNo, classRank: e.data.classRank, monthlyCost: e.data.monthlyCost, [SEARCH_KEY]: searchKeyOf(current.name as string, current.email as string, e.data.employeeNo) });
      case 'UserDeactivated':
        return put({ active: false });
      case 'UserReactivated':
        return put({ active: true });
      case 'UserPasswordChanged':
        return put({});
      default:
        return [];
    }
  },
});
