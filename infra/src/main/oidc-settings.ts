import type { OidcSettings } from '@sss/write-side/auth/oidc-client';

/**
 * OpenID Connect sign-in (OIDC_*): all four of issuer, client id, secret and redirect URL, or none —
 * settings-schema.ts refuses a half-configured provider before this runs.
 */
export function readOidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const values = { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUrl: env.OIDC_REDIRECT_URL };
  if (!values.issuer) return undefined;
  const issuer = values.issuer;
  const providerName = env.OIDC_PROVIDER_NAME || (new URL(issuer).hostname.endsWith('google.com') ? 'Google' : 'シングルサインオン');
  return { issuer, clientId: values.clientId!, clientSecret: values.clientSecret!, redirectUrl: values.redirectUrl!, providerName };
}
