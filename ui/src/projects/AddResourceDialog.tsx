import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ResourceKind } from '@sss/contracts/project/fields';
import { resourceKindLabels } from '../i18n/codes.ts';
import { projectLabels } from '../i18n/projects.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { AddResource } from '@sss/contracts/project/schemas';
import type { PartnerView } from '@sss/contracts/partner/schemas';
import { normalizeNumber } from '../lib/numberInput.ts';
import { projectQueries } from './queries.ts';
import { addResource } from '../api/projects.ts';
import { CommandDialog, type DialogField } from '../components/CommandDialog.tsx';
import { PartnerPicker, StaffPicker } from '../components/pickers.tsx';

const TEXT_FIELDS: Record<ResourceKind, DialogField[]> = {
  // filled from the 社員マスタ when the picked person has a profile (see the dialog), typed otherwise
  employee: [
    { name: 'employeeNo', label: '社員番号', kind: 'text', required: true },
    { name: 'classRank', label: 'クラスランク', kind: 'text', required: true },
  ],
  partner: [],
  expense: [
    { name: 'expenseType', label: '経費種別', kind: 'text', required: true },
    { name: 'name', label: '名称', kind: 'text', required: true },
  ],
};
const PRICES: DialogField[] = [
  { name: 'cost', label: '原価', kind: 'yen', required: true },
  { name: 'quotedUnitPrice', label: '提示単価', kind: 'yen', required: true },
];

/** Typed yen with separators becomes a number; anything else stays text so the schema names the field. */
const yen = (text: string | undefined) => {
  const value = normalizeNumber(text ?? '');
  return /^\d+$/.test(value) ? Number(value) : value;
};

/** 月毎明細に行を追加: the row's attributes; effort is then typed in the grid. People are picked by name, never by id. */
export function AddResourceDialog({ projectId, kind, onClose }: { projectId: string; kind: ResourceKind; onClose: () => void }) {
  const client = useQueryClient();
  const text = useLabels(projectLabels);
  const resourceKind = useLabels(resourceKindLabels);
  // the picked partner's companies are the only 協力会社 the row may name
  const [partner, setPartner] = useState<PartnerView | null>(null);
  // 社員番号 from the master names the person and is not typed over; rank and cost are this row's snapshot at
  // assignment (docs/domain.md §社員マスタ) and stay editable.
  const [numberFromMaster, setNumberFromMaster] = useState(false);
  const employeePicker: DialogField = {
    name: 'employeeId',
    label: '社員',
    kind: 'custom',
    render: ({ values, set, error }) => (
      <StaffPicker
        label="社員"
        name="employeeId"
        required
        error={error}
        value={values.employeeId ?? ''}
        valueLabel={values.name ?? ''}
        onPick={(m) => {
          setNumberFromMaster(m?.employeeNo !== undefined);
          const profile = m?.employeeNo !== undefined ? { employeeNo: m.employeeNo, classRank: m.classRank ?? '', cost: String(m.monthlyCost ?? '') } : { employeeNo: '', classRank: '', cost: '' };
          set({ employeeId: m?.id ?? '', name: m?.name ?? '', email: m?.email ?? '', ...profile });
        }}
      />
    ),
  };
  const partnerPicker: DialogField = {
    name: 'partnerId',
    label: 'パートナー',
    kind: 'custom',
    render: ({ values, set, error }) => (
      <PartnerPicker
        label="パートナー"
        name="partnerId"
        required
        error={error}
        value={values.partnerId ?? ''}
        valueLabel={values.name ?? ''}
        onPick={(p) => {
          setPartner(p);
          const open = p?.affiliations.filter((a) => !a.companyAbolished) ?? [];
          set({ partnerId: p?.id ?? '', name: p?.name ?? '', partnerCompanyId: open.length === 1 ? open[0]!.companyId : '' });
        }}
      />
    ),
  };
  const partnerCompany: DialogField = {
    name: 'partnerCompanyId',
    label: '協力会社',
    kind: 'select',
    required: true,
    options: [{ value: '', label: '—' }, ...(partner?.affiliations ?? []).filter((a) => !a.companyAbolished).map((a) => ({ value: a.companyId, label: `${a.name}（${a.code}）` }))],
  };
  const pickers = kind === 'employee' ? [employeePicker] : kind === 'partner' ? [partnerPicker, partnerCompany] : [];
  const texts = TEXT_FIELDS[kind].map((f) => (f.name === 'employeeNo' && numberFromMaster ? { ...f, readOnly: true } : f));
  const fields = [...pickers, ...texts, ...PRICES];
  return (
    <CommandDialog
      title={text('addResourceOf', { kind: resourceKind(kind) })}
      testId={`dialog-add-${kind}`}
      schema={AddResource}
      fields={fields}
      initial={Object.fromEntries([...fields.map((f) => [f.name, kind === 'expense' && f.name === 'quotedUnitPrice' ? '0' : '']), ['name', ''], ['email', '']])}
      toBody={(v) => {
        const body: Record<string, unknown> = { kind };
        for (const f of TEXT_FIELDS[kind]) body[f.name] = (v[f.name] ?? '').trim();
        if (kind === 'employee') Object.assign(body, { employeeId: v.employeeId ?? '', name: v.name ?? '', ...(v.email ? { email: v.email } : {}) });
        if (kind === 'partner') Object.assign(body, { partnerId: v.partnerId ?? '', partnerCompanyId: v.partnerCompanyId ?? '', name: v.name ?? '' });
        body.cost = yen(v.cost);
        body.quotedUnitPrice = yen(v.quotedUnitPrice);
        return body;
      }}
      run={(body, idempotencyKey) => addResource(projectId, body as AddResource, { idempotencyKey })}
      onClose={onClose}
      onDone={() => {
        void client.invalidateQueries({ queryKey: projectQueries.all });
        onClose();
      }}
    />
  );
}
