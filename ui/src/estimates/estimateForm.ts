import type { ProjectDetail } from '@sss/contracts/project/views';
import type { EstimateContent, EstimateLine, TaxCategory } from '@sss/contracts/project/estimate-schemas';
import { normalizeNumber } from '../lib/numberInput.ts';

/** The 見積 editor's state as text, so a half-typed number is kept as typed and checked by the schema. */
export interface LineForm {
  workItem: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  taxCategory: TaxCategory;
}

export interface EstimateForm {
  subject: string;
  addressee: string;
  periodStart: string;
  periodEnd: string;
  deliveryPlace: string;
  paymentTerms: string;
  validUntil: string;
  conditions: string;
  lines: LineForm[];
}

export const emptyLine = (): LineForm => ({ workItem: '', quantity: '1', unit: '人月', unitPrice: '', taxCategory: 'standard_10' });

/** A new 見積 starts from the project: its name, customer, period, and one line per person in the 月毎明細. */
export function formFromProject(p: ProjectDetail, validUntil: string): EstimateForm {
  const people = p.summary.rows.filter((r) => r.kind !== 'expense' && r.total.effort !== '0');
  const lines: LineForm[] = people.map((r) => {
    const resource = p.resources.find((x) => x.resourceNo === r.resourceNos[0]);
    return { workItem: `${p.name}（${r.name}）`, quantity: r.total.effort, unit: '人月', unitPrice: String(resource?.quotedUnitPrice ?? ''), taxCategory: 'standard_10' };
  });
  return {
    subject: p.name,
    // the name only: the 見積書 adds 御中 (contracts/src/domain/honorific.ts)
    addressee: p.customer.name,
    periodStart: p.startDate,
    periodEnd: p.endDate,
    deliveryPlace: '貴社指定場所',
    paymentTerms: '月末締め翌月末払い',
    validUntil,
    conditions: '',
    lines: lines.length > 0 ? lines : [emptyLine()],
  };
}

export function formFromContent(c: { subject: string; addressee: string; periodStart: string; periodEnd: string; deliveryPlace: string; paymentTerms: string; validUntil: string; conditions: string; lines: readonly { workItem: string; quantity: string; unit: string; unitPrice: number; taxCategory: TaxCategory }[] }): EstimateForm {
  return { ...c, lines: c.lines.map((l) => ({ workItem: l.workItem, quantity: l.quantity, unit: l.unit, unitPrice: String(l.unitPrice), taxCategory: l.taxCategory })) };
}

const integer = (text: string) => {
  const v = normalizeNumber(text);
  return /^-?\d+$/.test(v) ? Number(v) : v;
};

/** Not yet checked: `validate(EstimateContent, body)` says whether it is one. */
export function contentFromForm(f: EstimateForm): unknown {
  return {
    subject: f.subject.trim(),
    addressee: f.addressee.trim(),
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    ...(f.deliveryPlace.trim() ? { deliveryPlace: f.deliveryPlace.trim() } : {}),
    paymentTerms: f.paymentTerms.trim(),
    validUntil: f.validUntil,
    ...(f.conditions.trim() ? { conditions: f.conditions.trim() } : {}),
    lines: f.lines.map((l) => ({ workItem: l.workItem.trim(), quantity: normalizeNumber(l.quantity), unit: l.unit.trim(), unitPrice: integer(l.unitPrice), taxCategory: l.taxCategory })),
  };
}

/** Lines that parse, for the running totals; a half-typed line counts as nothing yet. */
export function parsedLines(f: EstimateForm): EstimateLine[] {
  const lines = (contentFromForm(f) as EstimateContent).lines;
  return lines.filter((l) => /^\d{1,3}(\.\d{1,2})?$/.test(l.quantity) && Number.isInteger(l.unitPrice));
}
