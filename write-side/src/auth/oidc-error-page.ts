/** The page a person lands on when OpenID Connect sign-in cannot let them in: what happened, what to do. */

export type OidcFailure = 'not_configured' | 'provider_unavailable' | 'cancelled' | 'expired' | 'rejected' | 'unverified_email' | 'unknown_user' | 'inactive_user';

const MESSAGES: Record<OidcFailure, (email: string) => { title: string; body: string }> = {
  not_configured: () => ({ title: 'シングルサインオンは設定されていません', body: 'メールアドレスとパスワードでログインしてください。' }),
  provider_unavailable: () => ({ title: '認証サービスに接続できません', body: 'しばらく待ってから再度お試しください。解決しない場合はシステム管理者に連絡してください。' }),
  cancelled: () => ({ title: 'ログインが取り消されました', body: 'もう一度ログインする場合は、ログイン画面からやり直してください。' }),
  expired: () => ({ title: 'ログインの有効期限が切れました', body: 'ログイン画面から、もう一度お試しください。' }),
  rejected: () => ({ title: '認証に失敗しました', body: 'ログイン画面から、もう一度お試しください。' }),
  unverified_email: (email) => ({ title: 'メールアドレスが確認されていません', body: `認証サービスで確認済みのメールアドレス${email ? `（${email}）` : ''}でのみログインできます。` }),
  unknown_user: (email) => ({ title: 'SSS に登録されていないアカウントです', body: `${email} は SSS のユーザーとして登録されていません。利用するには、システム管理者にユーザー登録を依頼してください。` }),
  inactive_user: (email) => ({ title: 'このアカウントは無効化されています', body: `${email} のアカウントは現在利用できません。必要な場合はシステム管理者に連絡してください。` }),
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Exported so the Content-Security-Policy can allow exactly this inline style by its hash. */
export const OIDC_ERROR_PAGE_STYLE = `body{font-family:system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;background:#f4f6f8;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:8px;box-shadow:0 1px 4px #0002;padding:2rem;max-width:32rem}h1{font-size:1.25rem;color:#b42318}a{color:#1d4ed8}`;

export function oidcErrorPage(failure: OidcFailure, email = ''): string {
  const { title, body } = MESSAGES[failure](email);
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)} - SSS 営業支援システム</title>
<style>${OIDC_ERROR_PAGE_STYLE}</style></head>
<body><main data-testid="oidc-error" data-failure="${failure}"><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="/login" data-testid="oidc-error-back">ログイン画面へ戻る</a></p></main></body></html>`;
}
