import { formatNumber } from '@sss/contracts/domain/money';
import { useI18n } from '../i18n/I18nProvider.tsx';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

export function Pager({ page, pageSize, total, onPage }: PagerProps) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="pager" data-testid="pager">
      <span data-testid="pager-count">{t('company.count', { total: formatNumber(total), from, to })}</span>
      <div className="pager-buttons">
        <button type="button" className="button small" data-testid="pager-prev" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t('common.prev')}
        </button>
        <span data-testid="pager-page">{t('company.page', { page, pages })}</span>
        <button type="button" className="button small" data-testid="pager-next" disabled={page >= pages} onClick={() => onPage(page + 1)}>
          {t('common.next')}
        </button>
      </div>
    </div>
  );
}
