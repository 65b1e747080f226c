import type { OidcSettings } from '@sss/write-side/auth/oidc-client';

/**
 * OpenID Connect sign-in (OIDC_*): all four of issuer, client id, secret and redirect URL, or none.
 * A half-configured provider is a mistake worth refusing to start over, not a silently missing button.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const values = { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUrl: env.OIDC_REDIRECT_URL };
  const set = Object.entries(values).filter(([, v]) => v);
  if (set.length === 0) return undefined;
  if (set.length < 4) throw new Error(`OIDC sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL together; missing: ${Object.entries(values).filter(([, v]) => !v).map(([k]) => k).join(', ')}`);
  for (const key of ['issuer', 'redirectUrl'] as const) new URL(values[key]!);
  const issuer = values.issuer!;
  const providerName = env.OIDC_PROVIDER_NAME || (new URL(issuer).hostname.endsWith('google.com') ? 'Google' : 'シングルサインオン');
  return { issuer, clientId: values.clientId!, clientSecret: values.clientSecret!, redirectUrl: values.redirectUrl!, providerName };
}
