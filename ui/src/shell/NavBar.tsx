import { NavLink } from 'react-router';
import { NAV_ITEMS } from './navItems.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function NavBar() {
  const { t } = useI18n();
  return (
    <nav className="sidebar" aria-label="main" data-testid="nav">
      <ul>
        {NAV_ITEMS.map((item) => (
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
