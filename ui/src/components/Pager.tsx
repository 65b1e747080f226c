import { formatNumber } from '@sss/contracts/domain/money';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { listLabels } from '../i18n/lists.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { PAGE_SIZES } from '../lib/pageSize.ts';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  /** When given, the pager offers 20/50/100 rows; the list keeps the choice in its URL and remembers it. */
  onPageSize?: (pageSize: number) => void;
}

export function Pager({ page, pageSize, total, onPage, onPageSize }: PagerProps) {
  const { t } = useI18n();
  const l = useLabels(listLabels);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <div className="pager" data-testid="pager">
      <span data-testid="pager-count">{t('company.count', { total: formatNumber(total), from, to })}</span>
      <div className="pager-buttons">
        {onPageSize && (
          <select aria-label={l('pageSize')} data-testid="pager-size" value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {l('perPage', { size })}
              </option>
            ))}
          </select>
        )}
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
