import { upcaster } from '../events/upcaster.ts';
import type { EventOfType } from '../events/registry.ts';
import { UNSET_BILLING } from './billing.ts';

/**
 * Company events before the billing fields (schema version 1) read as version 2 with every billing
 * field 未設定 (docs/billing.md): the stored event is never rewritten, and nothing is made up.
 */

type Registered = EventOfType<'CompanyRegistered'>['data'];
type Edited = EventOfType<'CompanyEdited'>['data'];

export const companyUpcasters = [
  upcaster('CompanyRegistered', 1, (old: Omit<Registered, 'billing'>): Registered => ({ ...old, billing: UNSET_BILLING })),
  upcaster('CompanyEdited', 1, (old: Omit<Edited, 'billing'>): Edited => ({ ...old, billing: UNSET_BILLING })),
];
