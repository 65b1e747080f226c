import { Link, Outlet } from 'react-router';
import { NavBar } from './NavBar.tsx';
import { UserMenu } from './UserMenu.tsx';
import { useSession } from '../auth/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { AsOfBanner, AsOfControl } from './AsOfControl.tsx';
import { useAsOfUrl } from './useAsOfUrl.ts';

export function AppShell() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const { asOf, setAsOf } = useAsOfUrl();
  return (
    <div className="shell">
      <header className="topbar" data-testid="app-header">
        <Link to="/" className="brand">
          <span className="brand-mark">{t('app.shortName')}</span>
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="topbar-right">
          {user && <AsOfControl onPick={setAsOf} />}
          <LanguageSwitch />
          {user && <UserMenu user={user} />}
        </div>
      </header>
      <NavBar />
      <main className="content" data-testid="main">
        {asOf && <AsOfBanner asOf={asOf} onLive={() => setAsOf(null)} />}
        {/* Remounted when the moment changes, so every screen re-asks and re-decides its buttons. */}
        <Outlet key={asOf ?? 'live'} />
      </main>
    </div>
  );
}
