import { useState, type FormEvent, type ReactNode } from 'react';
import type { CompanyView } from '@sss/contracts/company/schemas';
import type { PageOf } from '@sss/contracts/common';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { parseYenInput } from '../lib/yenInput.ts';

/** What 電子帳簿保存法 requires a search of issued documents to combine: 取引年月日, 金額 and 取引先. */
export interface TransactionCriteria {
  from?: string;
  to?: string;
  minAmount?: number;
  maxAmount?: number;
  customerId?: string;
}

interface TransactionCriteriaFormProps {
  /** Prefix of each field's test id (`<prefix>-from`, `-to`, `-min`, `-max`, `-customer`, `-search`). */
  testId: string;
  customers: PageOf<CompanyView> | undefined;
  onSearch: (criteria: TransactionCriteria) => void;
  /** A panel's own criteria around the shared ones (the 書類の種類 before, 訂正前を含む after). */
  before?: ReactNode;
  after?: ReactNode;
}

const EMPTY = { from: '', to: '', minAmount: '', maxAmount: '', customerId: '' };
const amount = (text: string) => {
  const value = parseYenInput(text);
  return typeof value === 'number' ? value : undefined;
};

/** The criteria form the 監査 searches share (請求書; 見積書 and 売上連絡票): only what was filled in is searched for. */
export function TransactionCriteriaForm({ testId, customers, onSearch, before, after }: TransactionCriteriaFormProps) {
  const l = useLabels(auditSearchLabels);
  const [form, setForm] = useState(EMPTY);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minAmount = amount(form.minAmount);
    const maxAmount = amount(form.maxAmount);
    onSearch({
      ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}),
      ...(minAmount !== undefined ? { minAmount } : {}), ...(maxAmount !== undefined ? { maxAmount } : {}),
      ...(form.customerId ? { customerId: form.customerId } : {}),
    });
  };
  return (
    <>
      <form className="toolbar wrap" role="search" onSubmit={submit}>
        {before}
        <label>{l('invoiceFrom')} <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} data-testid={`${testId}-from`} /></label>
        <label>{l('invoiceTo')} <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} data-testid={`${testId}-to`} /></label>
        <label>{l('minAmount')} <input inputMode="numeric" value={form.minAmount} onChange={(e) => setForm({ ...form, minAmount: e.target.value })} data-testid={`${testId}-min`} /></label>
        <label>{l('maxAmount')} <input inputMode="numeric" value={form.maxAmount} onChange={(e) => setForm({ ...form, maxAmount: e.target.value })} data-testid={`${testId}-max`} /></label>
        <label>{l('customer')} <select value={form.customerId} onChange={(e) => setForm({ ...form, customerId: e.target.value })} data-testid={`${testId}-customer`}>
          <option value="">{l('customerAny')}</option>
          {customers?.items.map((c) => <option key={c.id} value={c.id}>{c.name}{c.active ? '' : ' (廃止)'}</option>)}
        </select></label>
        {after}
        <button type="submit" className="button" data-testid={`${testId}-search`}>{l('search')}</button>
      </form>
      {customers && customers.total > customers.items.length && <p className="subtle">{l('tooManyCustomers', { shown: customers.items.length, total: customers.total })}</p>}
    </>
  );
}
