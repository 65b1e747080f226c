import './audit.css';
import { useSearchParams } from 'react-router';
import { auditSearchLabels } from '../i18n/audit.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { EventSearchPanel } from './EventSearchPanel.tsx';
import { InvoiceSearchPanel } from './InvoiceSearchPanel.tsx';
import { DocumentSearchPanel } from './DocumentSearchPanel.tsx';
import { LedgerPanel } from './LedgerPanel.tsx';

const TABS = ['ledger', 'events', 'invoices', 'documents'] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.includes(value as Tab);

/** The 監査 workspace: tamper evidence, the search of every event, and the 電子帳簿保存法 invoice search (tab in the URL). */
export function AuditPage() {
  const l = useLabels(auditSearchLabels);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'ledger';
  useDocumentTitle(l('title'));
  const label: Record<Tab, string> = { ledger: l('tabLedger'), events: l('tabEvents'), invoices: l('tabInvoices'), documents: l('tabDocuments') };
  const open = (next: Tab) => {
    const search = new URLSearchParams(params);
    search.set('tab', next);
    setParams(search);
  };
  return (
    <section className="page" data-testid="audit-page">
      <h1>{l('title')}</h1>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'tab active' : 'tab'} onClick={() => open(t)} data-testid={`audit-tab-${t}`}>
            {label[t]}
          </button>
        ))}
      </div>
      {tab === 'ledger' && <LedgerPanel />}
      {tab === 'events' && <EventSearchPanel />}
      {tab === 'invoices' && <InvoiceSearchPanel />}
      {tab === 'documents' && <DocumentSearchPanel />}
    </section>
  );
}
