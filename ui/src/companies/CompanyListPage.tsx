import { Link, useNavigate } from 'react-router';
import { CompanyKindBadges, CompanyStatusBadge } from './CompanyKindBadges.tsx';
import { Pager } from '../components/Pager.tsx';
import { SortHeader } from '../components/SortHeader.tsx';
import { fieldLabel } from './fieldLabels.ts';
import { COMPANY_LIST, nextSort, queryFromSearch, searchFromQuery } from './listParams.ts';
import { rememberPageSize } from '../lib/pageSize.ts';
import { useCompanyList } from './queries.ts';
import { may, useSession } from '../auth/index.ts';
import { formatDate } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useUrlListQuery } from '../components/useUrlListQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ListStatusRows } from '../components/ListStatusRows.tsx';
import { companyExportUrl } from '../api/companies.ts';
import { DownloadLink } from '../components/DownloadLink.tsx';
import { requires } from '../auth/index.ts';

export function CompanyListPage() {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const { data: user } = useSession();
  const { query, typed, setTyped, update } = useUrlListQuery(queryFromSearch, searchFromQuery);
  const list = useCompanyList(query);
  useDocumentTitle(t('company.listTitle'));

  const label = (path: string) => fieldLabel(path, language);
  const sortBy = (column: string) => update({ sort: nextSort(query.sort, column) });

  return (
    <section className="page" data-testid="company-list">
      <div className="page-header">
        <h1>{t('company.listTitle')}</h1>
        <DownloadLink href={companyExportUrl(query)} className="button" testId="company-export-csv">
          {t('company.exportCsv')}
        </DownloadLink>
        {may(user, 'POST', '/api/companies') && (
          <Link to="/companies/new" className="button primary" data-testid="company-new" {...requires('POST', '/api/companies')}>
            {t('company.new')}
          </Link>
        )}
      </div>

      <div className="toolbar">
        <input type="search" className="search" placeholder={t('company.search')} aria-label={t('company.search')} data-testid="company-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" data-testid="filter-customer" checked={query.customer === true} onChange={(e) => update({ customer: e.target.checked || undefined })} />
          {t('company.filter.customer')}
        </label>
        <label className="checkbox">
          <input type="checkbox" data-testid="filter-partner" checked={query.partner === true} onChange={(e) => update({ partner: e.target.checked || undefined })} />
          {t('company.filter.partner')}
        </label>
        <label className="checkbox">
          <input type="checkbox" data-testid="filter-active" checked={query.active === true} onChange={(e) => update({ active: e.target.checked || undefined })} />
          {t('company.filter.active')}
        </label>
      </div>

      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />

      <div className={`table-wrap${list.isPlaceholderData ? ' stale' : ''}`}>
        <table className="table" data-testid="company-table">
          <thead>
            <tr>
              <SortHeader column="code" label={label('code')} sort={query.sort} onSort={sortBy} />
              <SortHeader column="name" label={label('name')} sort={query.sort} onSort={sortBy} />
              <SortHeader column="kana" label={label('kana')} sort={query.sort} onSort={sortBy} />
              <th>{t('company.col.kind')}</th>
              <th className="num">{t('company.col.creditLimit')}</th>
              <SortHeader column="registeredOn" label={label('registeredOn')} sort={query.sort} onSort={sortBy} />
              <th>{t('company.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            <ListStatusRows pending={list.isPending} empty={list.data?.items.length === 0} columns={7} loadingText={t('common.loading')} emptyText={t('company.empty')} emptyTestId="company-empty" />
            {list.data?.items.map((company) => (
              <tr key={company.id} className="clickable" data-testid="company-row" data-company-id={company.id} onClick={() => navigate(`/companies/${encodeURIComponent(company.id)}`)}>
                <td className="mono">{company.code}</td>
                <td>
                  <Link to={`/companies/${encodeURIComponent(company.id)}`} data-testid="company-link" onClick={(e) => e.stopPropagation()}>
                    {company.name}
                  </Link>
                </td>
                <td className="subtle">{company.kana}</td>
                <td>
                  <CompanyKindBadges isCustomer={company.isCustomer} isPartner={company.isPartner} />
                </td>
                <td className="num">{company.credit ? formatYen(company.credit.creditLimit) : '—'}</td>
                <td className="date">{formatDate(company.registeredOn)}</td>
                <td>
                  <CompanyStatusBadge active={company.active} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => update({ page })} onPageSize={(pageSize) => { rememberPageSize(COMPANY_LIST, pageSize); update({ pageSize }); }} />}
    </section>
  );
}
