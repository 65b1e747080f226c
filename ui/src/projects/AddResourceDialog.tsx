import { useQueryClient } from '@tanstack/react-query';
import { RESOURCE_KIND_LABELS, type ResourceKind } from '@sss/contracts/project/fields';
import { AddResource } from '@sss/contracts/project/schemas';
import { normalizeNumber } from '../lib/numberInput.ts';
import { projectQueries, useProjectStaff } from './queries.ts';
import { addResource } from '../api/projects.ts';
import { CommandDialog, type DialogField } from '../components/CommandDialog.tsx';

const FIELDS: Record<ResourceKind, DialogField[]> = {
  // 社員 (picked from the staff list, which also gives the name) is added in the dialog itself
  employee: [
    { name: 'employeeNo', label: '社員番号', kind: 'text', required: true },
    { name: 'classRank', label: 'クラスランク', kind: 'text', required: true },
  ],
  partner: [
    { name: 'partnerId', label: 'パートナーID', kind: 'text', required: true },
    { name: 'partnerCompanyId', label: '協力会社ID', kind: 'text', required: true },
    { name: 'name', label: '氏名', kind: 'text', required: true },
  ],
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

/** 月毎明細に行を追加: the row's attributes; effort is then typed in the grid. */
export function AddResourceDialog({ projectId, kind, onClose }: { projectId: string; kind: ResourceKind; onClose: () => void }) {
  const client = useQueryClient();
  const staff = useProjectStaff().data?.items ?? [];
  const employeePicker: DialogField = { name: 'employeeId', label: '社員', kind: 'select', required: true, options: [{ value: '', label: '—' }, ...staff.map((m) => ({ value: m.id, label: `${m.name}（${m.email}）` }))] };
  const fields = [...(kind === 'employee' ? [employeePicker] : []), ...FIELDS[kind], ...PRICES];
  return (
    <CommandDialog
      title={`${RESOURCE_KIND_LABELS[kind]}を追加`}
      testId={`dialog-add-${kind}`}
      schema={AddResource}
      fields={fields}
      initial={Object.fromEntries(fields.map((f) => [f.name, kind === 'expense' && f.name === 'quotedUnitPrice' ? '0' : '']))}
      toBody={(v) => {
        const body: Record<string, unknown> = { kind };
        for (const f of FIELDS[kind]) body[f.name] = (v[f.name] ?? '').trim();
        if (kind === 'employee') {
          body.employeeId = v.employeeId ?? '';
          body.name = staff.find((m) => m.id === v.employeeId)?.name ?? '';
        }
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
