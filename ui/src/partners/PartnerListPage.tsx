import { Link, useNavigate } from 'react-router';
import type { PartnerListParams } from '../api/partners.ts';
import { AffiliationList } from './AffiliationList.tsx';
import { usePartnerCompanies, usePartnerList } from './queries.ts';
import { Pager } from '../components/Pager.tsx';
import { may, useSession } from '../auth/index.ts';
import { formatDate } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { useUrlListQuery } from '../components/useUrlListQuery.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { ListStatusRows } from '../components/ListStatusRows.tsx';
import { pageSizeFrom, putPageSize, rememberPageSize } from '../lib/pageSize.ts';
import { requires } from '../auth/index.ts';

const PARTNER_LIST = 'partners';

/** The list's state lives in the URL, so a search can be bookmarked and the back button works. */
function queryFromSearch(search: URLSearchParams): PartnerListParams {
  const page = Number(search.get('page') ?? '1');
  return {
    ...(search.get('q') ? { q: search.get('q')! } : {}),
    ...(search.get('companyId') ? { companyId: search.get('companyId')! } : {}),
    ...(search.get('active') === 'true' ? { active: true } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: pageSizeFrom(search, PARTNER_LIST),
  };
}

function searchFromQuery(query: PartnerListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.companyId) search.set('companyId', query.companyId);
  if (query.active) search.set('active', 'true');
  if (query.page && query.page > 1) search.set('page', String(query.page));
  putPageSize(search, query.pageSize);
  return search;
}

export function PartnerListPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: user } = useSession();
  const { query, typed, setTyped, update } = useUrlListQuery(queryFromSearch, searchFromQuery);
  const list = usePartnerList(query);
  const companies = usePartnerCompanies();
  useDocumentTitle(t('partner.listTitle'));

  return (
    <section className="page" data-testid="partner-list">
      <div className="page-header">
        <h1>{t('partner.listTitle')}</h1>
        {may(user, 'POST', '/api/partners') && (
          <Link to="/partners/new" className="button primary" data-testid="partner-new" {...requires('POST', '/api/partners')}>
            {t('partner.new')}
          </Link>
        )}
      </div>

      <div className="toolbar">
        <input type="search" className="search" placeholder={t('partner.search')} aria-label={t('partner.search')} data-testid="partner-search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <select aria-label={t('partner.filter.company')} data-testid="filter-company" value={query.companyId ?? ''} onChange={(e) => update(e.target.value ? { companyId: e.target.value } : { companyId: undefined })}>
          <option value="">{t('partner.filter.anyCompany')}</option>
          {companies.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} {c.name}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" data-testid="filter-active" checked={query.active === true} onChange={(e) => update({ active: e.target.checked || undefined })} />
          {t('partner.filter.active')}
        </label>
      </div>

      <ProblemMessage error={list.error} onRetry={() => void list.refetch()} />

      <div className={`table-wrap${list.isPlaceholderData ? ' stale' : ''}`}>
        <table className="table" data-testid="partner-table">
          <thead>
            <tr>
              <th>{t('partner.col.name')}</th>
              <th>{t('partner.col.kana')}</th>
              <th>{t('partner.companies')}</th>
              <th>{t('partner.col.registeredOn')}</th>
              <th>{t('partner.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            <ListStatusRows pending={list.isPending} empty={list.data?.items.length === 0} columns={5} loadingText={t('common.loading')} emptyText={t('partner.empty')} emptyTestId="partner-empty" />
            {list.data?.items.map((partner) => (
              <tr key={partner.id} className="clickable" data-testid="partner-row" onClick={() => navigate(`/partners/${encodeURIComponent(partner.id)}`)}>
                <td>
                  <Link to={`/partners/${encodeURIComponent(partner.id)}`} data-testid="partner-link" onClick={(e) => e.stopPropagation()}>
                    {partner.name}
                  </Link>
                </td>
                <td className="subtle">{partner.kana}</td>
                <td>
                  <AffiliationList affiliations={partner.affiliations} />
                </td>
                <td className="date">{formatDate(partner.registeredOn)}</td>
                <td>
                  <span className={`badge ${partner.active ? 'ok' : 'muted'}`}>{partner.active ? t('partner.status.active') : t('partner.status.retired')}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={(page) => update({ page })} onPageSize={(pageSize) => { rememberPageSize(PARTNER_LIST, pageSize); update({ pageSize }); }} />}
    </section>
  );
}
