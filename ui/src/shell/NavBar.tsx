import { NavLink } from 'react-router';
import { NAV_ITEMS } from './navItems.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { may, useSession } from '../auth/index.ts';

export function NavBar() {
  const { t } = useI18n();
  const session = useSession();
  const shown = NAV_ITEMS.filter((item) => !item.requires || may(session.data, item.requires.method, item.requires.route));
  return (
    <nav className="sidebar" aria-label={t('nav.label')} data-testid="nav">
      <ul>
        {shown.map((item) => (
          <li key={item.id}>
            <NavLink to={item.path} end={item.path === '/'} data-testid={`nav-${item.id}`} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {t(item.label)}
              {!item.ready && <span className="soon-dot" aria-hidden="true" />}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
