import { Link } from 'react-router';
import { useSession } from '../auth/index.ts';
import type { MessageKey } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';
import { SalesDashboard } from '../sales/index.ts';

interface Tile {
  to: string;
  label: MessageKey;
}

/**
 * Mirrors the old SSS home screen (docs/domain.md §Business flows): 案件・稟議 first with 見積稟議 / 受注稟議 /
 * パートナー, then the 営管 sections people open less often, collapsed.
 */
const SECTIONS: readonly { title: MessageKey; open: boolean; tiles: readonly Tile[] }[] = [
  {
    title: 'home.section.projects',
    open: true,
    tiles: [
      { to: '/projects', label: 'nav.projects' },
      { to: '/ringi?kind=estimate', label: 'home.tile.estimateRingi' },
      { to: '/ringi?kind=order', label: 'home.tile.orderRingi' },
      { to: '/partners', label: 'nav.partners' },
    ],
  },
  {
    title: 'home.section.accounting',
    open: false,
    tiles: [
      { to: '/orders', label: 'nav.orders' },
      { to: '/monthly-sales', label: 'nav.monthlySales' },
      { to: '/invoices', label: 'nav.invoices' },
    ],
  },
  {
    title: 'home.section.resources',
    open: false,
    tiles: [
      { to: '/companies', label: 'nav.companies' },
      { to: '/partners', label: 'nav.partners' },
      { to: '/org', label: 'nav.org' },
    ],
  },
  {
    title: 'home.section.admin',
    open: false,
    tiles: [
      { to: '/users', label: 'nav.users' },
      { to: '/audit', label: 'nav.audit' },
    ],
  },
];

export function HomePage() {
  const { t } = useI18n();
  const { data: user } = useSession();
  useDocumentTitle(t('home.title'));
  return (
    <section className="page" data-testid="home">
      <h1>{t('home.title')}</h1>
      {user && <p className="lead">{t('home.welcome', { name: user.name })}</p>}
      <SalesDashboard />
      {SECTIONS.map((section) => (
        <details key={section.title} className="home-section" open={section.open}>
          <summary>{t(section.title)}</summary>
          <div className="tiles">
            {section.tiles.map((tile) => (
              <Link key={`${section.title}-${tile.to}`} to={tile.to} className="tile" data-testid={`home-tile-${tile.to.replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '')}`}>
                {t(tile.label)}
              </Link>
            ))}
          </div>
        </details>
      ))}
    </section>
  );
}
