import type { PageOf } from '@sss/contracts/common';
import type { CompanyView } from '@sss/contracts/company/schemas';
import type { OrgTree, OrgUnitView } from '@sss/contracts/organization/schemas';
import type { PartnerCompanyOption, PartnerView } from '@sss/contracts/partner/schemas';
import type { ProjectStaffList, ProjectStaffMember } from '@sss/contracts/project/views';
import { queryString, request } from '../lib/http.ts';
import { EntityPicker, type PickerPage } from './EntityPicker.tsx';

/**
 * The pickers of each kind of entity, over the list routes that match a folded search key
 * (docs/architecture.md §Edges and sessions): the person types a name, the form keeps the id.
 */

const PAGE_SIZE = 20;

interface PickerProps<T> {
  label: string;
  name: string;
  value: string;
  valueLabel: string;
  onPick: (item: T | null) => void;
  required?: boolean;
  error?: string | undefined;
  hint?: string | undefined;
}

/** 顧客会社: active customers only, as the server refuses others on a 案件. */
export function CustomerPicker(props: PickerProps<CompanyView>) {
  return (
    <EntityPicker<CompanyView>
      {...props}
      queryKey={['customers']}
      search={(q, page, signal) => request<PageOf<CompanyView>>('GET', `/api/companies${queryString({ customer: true, active: true, sort: 'kana', q, page, pageSize: PAGE_SIZE })}`, { signal })}
      toOption={(c) => ({ id: c.id, label: c.name, detail: `${c.code} · ${c.kana}` })}
    />
  );
}

/** 主管部 and other org units, as of today (the tree is whole: one answer, counted). */
export function OrgUnitPicker(props: PickerProps<OrgUnitView>) {
  return (
    <EntityPicker<OrgUnitView>
      {...props}
      queryKey={['org-units']}
      search={async (q, _page, signal): Promise<PickerPage<OrgUnitView>> => {
        const { units } = await request<OrgTree>('GET', `/api/org-units${queryString({ q })}`, { signal });
        return { items: units, total: units.length };
      }}
      toOption={(u) => ({ id: u.id, label: u.name, detail: `${u.code} · ${u.path.join(' / ')}` })}
    />
  );
}

/** People a 案件 may name as leader or 社員 row: active, and never admins or auditors only. */
export function StaffPicker(props: PickerProps<ProjectStaffMember>) {
  return (
    <EntityPicker<ProjectStaffMember>
      {...props}
      queryKey={['project-staff']}
      search={(q, page, signal) => request<ProjectStaffList>('GET', `/api/project-staff${queryString({ q, page, pageSize: PAGE_SIZE })}`, { signal })}
      toOption={(m) => ({ id: m.id, label: m.name, detail: m.email })}
    />
  );
}

/** パートナー要員, shown with their companies; found by their own kana or their company's name. */
export function PartnerPicker(props: PickerProps<PartnerView>) {
  return (
    <EntityPicker<PartnerView>
      {...props}
      queryKey={['partners']}
      search={(q, page, signal) => request<PageOf<PartnerView>>('GET', `/api/partners${queryString({ active: true, sort: 'kana', q, page, pageSize: PAGE_SIZE })}`, { signal })}
      toOption={(p) => ({ id: p.id, label: p.name, detail: [p.kana, ...p.affiliations.map((a) => a.name)].join(' · ') })}
    />
  );
}

/** 所属会社: partner companies as the partner context knows them (no paging: the route answers every match). */
export function PartnerCompanyPicker(props: PickerProps<PartnerCompanyOption>) {
  return (
    <EntityPicker<PartnerCompanyOption>
      {...props}
      queryKey={['partner-companies']}
      search={async (q, _page, signal): Promise<PickerPage<PartnerCompanyOption>> => {
        const { items } = await request<{ items: PartnerCompanyOption[] }>('GET', `/api/partner-companies${queryString({ q })}`, { signal });
        // an abolished company cannot be newly chosen
        const open = items.filter((c) => !c.abolished);
        return { items: open, total: open.length };
      }}
      toOption={(c) => ({ id: c.id, label: c.name, detail: c.code })}
    />
  );
}
