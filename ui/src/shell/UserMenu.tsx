import { Link, useNavigate } from 'react-router';
import type { SessionUser } from '../api/auth.ts';
import { useLogout } from '../auth/index.ts';
import { roleLabels } from '../i18n/roles.ts';
import { useLabels } from '../i18n/useLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function UserMenu({ user }: { user: SessionUser }) {
  const { t, language } = useI18n();
  const role = useLabels(roleLabels);
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <div className="user-menu">
      <span className="user-name" data-testid="user-name">
        {user.name}
      </span>
      <span className="user-roles" data-testid="user-roles">
        {user.roles.map((r) => role(r)).map((label) => (
          <span key={label} className="badge role">
            {label}
          </span>
        ))}
      </span>
      <Link to="/account/password" className="button ghost small" data-testid="change-password">
        {language === 'en' ? 'Password' : 'パスワード変更'}
      </Link>
      <button type="button" className="button ghost small" data-testid="logout" disabled={logout.isPending} onClick={() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) })}>
        {t('auth.logout')}
      </button>
    </div>
  );
}
