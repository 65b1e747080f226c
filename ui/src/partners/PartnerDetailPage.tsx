import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PartnerView } from '@sss/contracts/partner/schemas';
import { AffiliationList } from './AffiliationList.tsx';
import { usePartner, usePartnerCommand } from './queries.ts';
import { retirePartner } from '../api/partners.ts';
import { isApiError } from '../lib/problem.ts';
import { may, useSession } from '../auth/index.ts';
import { DetailList } from '../components/DetailList.tsx';
import { useIdempotencyKey } from '../lib/useIdempotencyKey.ts';
import { formatDate, formatDateTime, today } from '../lib/format.ts';
import { ProblemMessage } from '../components/ProblemMessage.tsx';
import { TextField } from '../components/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { HistoryPanel } from '../components/history/HistoryPanel.tsx';
import { requires } from '../auth/index.ts';

export function PartnerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const partner = usePartner(id);
  if (partner.isPending) return <div className="page-loading">{t('common.loading')}</div>;
  if (partner.isError) return <ProblemMessage error={partner.error} onRetry={() => void partner.refetch()} />;
  return <PartnerDetail partner={partner.data} />;
}

function PartnerDetail({ partner }: { partner: PartnerView }) {
  const { t } = useI18n();
  const { data: user } = useSession();
  useDocumentTitle(partner.name);
  const abolishedCompanies = partner.affiliations.filter((a) => a.companyAbolished);

  return (
    <section className="page" data-testid="partner-detail">
      <div className="page-header">
        <h1>
          {partner.name} <span className={`badge ${partner.active ? 'ok' : 'muted'}`}>{partner.active ? t('partner.status.active') : t('partner.status.retired')}</span>
        </h1>
        <div className="actions">
          <Link to="/partners" className="button">
            {t('common.back')}
          </Link>
          {!partner.retiredOn && may(user, 'PUT', '/api/partners/:id') && (
            <Link to={`/partners/${encodeURIComponent(partner.id)}/edit`} className="button primary" data-testid="partner-edit-link" {...requires('PUT', '/api/partners/:id')}>
              {t('common.edit')}
            </Link>
          )}
        </div>
      </div>
      {abolishedCompanies.length > 0 && (
        <div className="alert error" role="status" data-testid="abolished-notice">
          {t('partner.abolishedNotice', { names: abolishedCompanies.map((a) => a.name).join('、') })}
        </div>
      )}
      <section className="panel">
        <DetailList
          rows={[
            { testId: 'name', label: t('partner.col.name'), value: partner.name },
            { testId: 'kana', label: t('partner.col.kana'), value: partner.kana },
            { testId: 'companies', label: t('partner.companies'), value: <AffiliationList affiliations={partner.affiliations} links /> },
            { testId: 'registeredOn', label: t('partner.col.registeredOn'), value: formatDate(partner.registeredOn) },
            { testId: 'retiredOn', label: t('partner.col.retiredOn'), value: formatDate(partner.retiredOn) },
            { testId: 'updatedAt', label: t('company.updatedAt'), value: formatDateTime(partner.updatedAt) },
            { testId: 'revision', label: t('company.revision'), value: partner.revision },
          ]}
        />
      </section>
      {!partner.retiredOn && may(user, 'POST', '/api/partners/:id/retire') && <RetireForm partner={partner} />}
      <HistoryPanel route="/api/partners/:id/history" params={{ id: partner.id }} revision={partner.revision} />
    </section>
  );
}

function RetireForm({ partner }: { partner: PartnerView }) {
  const { t } = useI18n();
  const [retiredOn, setRetiredOn] = useState(today());
  const idempotency = useIdempotencyKey();
  const retire = usePartnerCommand((body: { retiredOn: string }) => retirePartner(partner.id, body, { idempotencyKey: idempotency.keyFor(body) }));
  const error = isApiError(retire.error) ? retire.error.fieldErrors.find((e) => e.field === 'retiredOn')?.message : undefined;
  return (
    <section className="panel" data-testid="partner-retire">
      <h2>{t('partner.retire')}</h2>
      <TextField name="retiredOn" label={t('partner.col.retiredOn')} type="date" value={retiredOn} onChange={setRetiredOn} error={error} />
      <ProblemMessage error={retire.error} shownFields={['retiredOn']} />
      <button type="button" className="button danger" data-testid="retire-button" {...requires('POST', '/api/partners/:id/retire')} disabled={retire.isPending} onClick={() => retire.mutate({ retiredOn }, { onSuccess: () => idempotency.done() })}>
        {t('partner.retire')}
      </button>
    </section>
  );
}
