import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { CompanyView } from '@sss/contracts/company/schemas';
import { AbolishDialog } from './AbolishDialog.tsx';
import { AntiSocialCheckDialog } from './AntiSocialCheckDialog.tsx';
import { CompanyKindBadges, CompanyStatusBadge } from './CompanyKindBadges.tsx';
import { CompanyPartnersPanel } from './CompanyPartnersPanel.tsx';
import { CreditLimitDialog } from './CreditLimitDialog.tsx';
import { DetailList } from '../components/DetailList.tsx';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { fieldLabel } from './fieldLabels.ts';
import { useCompany } from './queries.ts';
import { may, useSession } from '../auth/index.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { CompanyBillingPanel } from './CompanyBillingPanel.tsx';
import { requires } from '../auth/index.ts';

type Action = 'antiSocial' | 'creditLimit' | 'abolish';

export function CompanyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const company = useCompany(id);
  if (company.isPending) return <div className="page-loading">{t('common.loading')}</div>;
  if (company.isError) return <ProblemMessage error={company.error} onRetry={() => void company.refetch()} />;
  return <CompanyDetail company={company.data} />;
}

function CompanyDetail({ company }: { company: CompanyView }) {
  const { t, language } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: user } = useSession();
  const [action, setAction] = useState<Action | null>(null);
  const [flash, setFlash] = useState<MessageKey | null>((location.state as { flash?: MessageKey } | null)?.flash ?? null);
  const label = (path: string) => fieldLabel(path, language);
  useDocumentTitle(company.name);
  const route = '/api/companies/:id';

  const finished = () => {
    setAction(null);
    setFlash('action.done');
  };

  return (
    <section className="page" data-testid="company-detail" data-revision={company.revision}>
      <div className="page-header">
        <div>
          <Link to="/companies" className="back-link" data-testid="back-to-list">
            ← {t('common.back')}
          </Link>
          <h1 data-testid="company-name">
            {company.name} <CompanyStatusBadge active={company.active} />
          </h1>
          <div className="subtle">
            <span className="mono">{company.code}</span> · {company.kana} · <CompanyKindBadges isCustomer={company.isCustomer} isPartner={company.isPartner} />
          </div>
        </div>
        <div className="actions" data-testid="company-actions">
          {company.active && may(user, 'PUT', route) && (
            <button type="button" className="button primary" data-testid="action-edit" {...requires('PUT', '/api/companies/:id')} onClick={() => navigate(`/companies/${encodeURIComponent(company.id)}/edit`)}>
              {t('common.edit')}
            </button>
          )}
          {company.active && may(user, 'POST', `${route}/anti-social-checks`) && (
            <button type="button" className="button" data-testid="action-anti-social-check" {...requires('POST', '/api/companies/:id/anti-social-checks')} onClick={() => setAction('antiSocial')}>
              {t('action.antiSocial')}
            </button>
          )}
          {company.active && company.isCustomer && may(user, 'POST', `${route}/credit-limit`) && (
            <button type="button" className="button" data-testid="action-credit-limit" {...requires('POST', '/api/companies/:id/credit-limit')} onClick={() => setAction('creditLimit')}>
              {t('action.creditLimit')}
            </button>
          )}
          {company.active && may(user, 'POST', `${route}/abolish`) && (
            <button type="button" className="button danger" data-testid="action-abolish" {...requires('POST', '/api/companies/:id/abolish')} onClick={() => setAction('abolish')}>
              {t('action.abolish')}
            </button>
          )}
        </div>
      </div>

      {flash && (
        <div className="alert success" role="status" data-testid="flash">
          {t(flash)}
          <button type="button" className="link-button" aria-label={t('common.close')} onClick={() => setFlash(null)}>
            ×
          </button>
        </div>
      )}

      <div className="detail-grid">
        <section className="panel">
          <h2>{t('company.section.basic')}</h2>
          <DetailList
            rows={[
              { testId: 'code', label: label('code'), value: company.code },
              { testId: 'name', label: label('name'), value: company.name },
              { testId: 'kana', label: label('kana'), value: company.kana },
              { testId: 'formalName', label: label('formalName'), value: company.formalName },
              { testId: 'shortName', label: label('shortName'), value: company.shortName },
              { testId: 'registeredOn', label: label('registeredOn'), value: formatDate(company.registeredOn) },
              { testId: 'abolishedOn', label: t('company.abolishedOn'), value: company.abolishedOn ? formatDate(company.abolishedOn) : '' },
            ]}
          />
        </section>

        <section className="panel">
          <h2>{t('company.section.contracts')}</h2>
          <DetailList
            rows={[
              { testId: 'ndaSignedOn', label: label('ndaSignedOn'), value: company.ndaSignedOn ? formatDate(company.ndaSignedOn) : '' },
              { testId: 'masterAgreementSignedOn', label: label('masterAgreementSignedOn'), value: company.masterAgreementSignedOn ? formatDate(company.masterAgreementSignedOn) : '' },
              { testId: 'url', label: label('url'), value: company.url ? <ExternalLink href={company.url} /> : '' },
              { testId: 'sansanUrl', label: label('sansanUrl'), value: company.sansanUrl ? <ExternalLink href={company.sansanUrl} /> : '' },
              { testId: 'invoiceRegistrationNumber', label: label('invoiceRegistrationNumber'), value: company.invoiceRegistrationNumber ?? '' },
            ]}
          />
        </section>

        <section className="panel">
          <h2>{t('company.section.audit')}</h2>
          <DetailList
            rows={[
              {
                testId: 'antiSocialCheck',
                label: t('company.antiSocial'),
                value: company.antiSocialCheck ? (
                  <>
                    {formatDate(company.antiSocialCheck.checkedOn)}{' '}
                    <span className={`badge ${company.antiSocialCheck.result === 'concern' ? 'danger' : 'ok'}`}>
                      {company.antiSocialCheck.result === 'concern' ? t('company.result.concern') : t('company.result.clear')}
                    </span>
                  </>
                ) : (
                  ''
                ),
              },
              { testId: 'antiSocialCheckBy', label: t('company.antiSocialBy'), value: company.antiSocialCheck?.checkedByName ?? '' },
              ...(company.isCustomer
                ? [
                    { testId: 'creditLimit', label: t('company.creditLimit'), value: company.credit ? formatYen(company.credit.creditLimit) : '', num: true },
                    { testId: 'creditReviewedOn', label: t('company.creditReviewedOn'), value: company.credit ? formatDate(company.credit.reviewedOn) : '' },
                    { testId: 'creditBy', label: t('company.creditBy'), value: company.credit?.updatedByName ?? '' },
                  ]
                : []),
            ]}
          />
        </section>

        {company.isPartner && (
          <section className="panel" data-testid="detail-partner">
            <h2>{t('company.section.partner')}</h2>
            <DetailList
              rows={[
                { testId: 'salesRepName', label: label('partner.salesRepName'), value: company.partner.salesRepName ?? '' },
                { testId: 'salesRepKana', label: label('partner.salesRepKana'), value: company.partner.salesRepKana ?? '' },
                { testId: 'salesRepEmail', label: label('partner.salesRepEmail'), value: company.partner.salesRepEmail ?? '' },
                { testId: 'phone', label: label('partner.phone'), value: company.partner.phone ?? '' },
                { testId: 'capital', label: label('partner.capital'), value: typeof company.partner.capital === 'number' ? formatYen(company.partner.capital) : '', num: true },
                { testId: 'specialties', label: label('partner.specialties'), value: company.partner.specialties ?? '' },
                { testId: 'partnerCount', label: t('company.partnerCount'), value: String(company.partnerCount) },
              ]}
            />
          </section>
        )}

        {company.isCustomer && <CompanyBillingPanel billing={company.billing} />}

        <section className="panel">
          <h2>{t('company.section.other')}</h2>
          <DetailList
            rows={[
              { testId: 'notes', label: label('notes'), value: company.notes ? <span className="pre">{company.notes}</span> : '' },
              { testId: 'updatedAt', label: t('company.updatedAt'), value: formatDateTime(company.updatedAt) },
              { testId: 'revision', label: t('company.revision'), value: company.revision },
            ]}
          />
        </section>
      </div>

      {company.isPartner && <CompanyPartnersPanel companyId={company.id} partnerCount={company.partnerCount} />}

      <HistoryPanel route={`${route}/history`} params={{ id: company.id }} revision={company.revision} />

      {action === 'antiSocial' && <AntiSocialCheckDialog company={company} onClose={() => setAction(null)} onDone={finished} />}
      {action === 'creditLimit' && <CreditLimitDialog company={company} onClose={() => setAction(null)} onDone={finished} />}
      {action === 'abolish' && <AbolishDialog company={company} onClose={() => setAction(null)} onDone={finished} />}
    </section>
  );
}
