import { ROLE_LABELS } from '@sss/contracts/http/auth';
import { defineDictionary } from './labels.ts';

/** Role names as the header shows them: the contract's Japanese, and English. */
export const roleLabels = defineDictionary(ROLE_LABELS, {
  sales: 'Sales',
  sales_admin: 'Sales administration',
  division_head: 'Division head',
  finance: 'Finance',
  auditor: 'Auditor',
  admin: 'Administrator',
});
