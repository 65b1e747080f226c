import * as client from 'openid-client';

/**
 * OpenID Connect, authorization-code flow with PKCE, through openid-client (the vendor types stay in
 * this file). The provider is discovered on first use and remembered; a failed discovery is retried
 * on the next sign-in rather than failing the server's start.
 */

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Exactly as registered at the provider, e.g. https://sss.example.co.jp/api/auth/oidc/callback */
  readonly redirectUrl: string;
  /** What the login button calls the provider (「Googleでログイン」). */
  readonly providerName: string;
}

/** What a sign-in must remember between leaving for the provider and coming back. */
export interface OidcTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

export interface VerifiedIdentity {
  readonly email: string;
  readonly emailVerified: boolean;
  readonly subject: string;
}

export interface OidcClient {
  start(): Promise<{ url: string; transaction: OidcTransaction }>;
  /** `callbackQuery`: the query string the provider sent back (with or without `?`). */
  finish(callbackQuery: string, transaction: OidcTransaction): Promise<VerifiedIdentity>;
}

/** Plain http is allowed only for a provider on this machine (development and tests). */
const isLoopback = (url: URL) => url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export function createOidcClient(settings: OidcSettings): OidcClient {
  let configuration: Promise<client.Configuration> | undefined;
  const config = () => {
    const issuer = new URL(settings.issuer);
    configuration ??= client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, isLoopback(issuer) ? { execute: [client.allowInsecureRequests] } : {});
    return configuration.catch((error: unknown) => {
      configuration = undefined;
      throw error;
    });
  };

  return {
    async start() {
      const transaction = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: settings.redirectUrl,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(transaction.codeVerifier),
        code_challenge_method: 'S256',
        state: transaction.state,
        nonce: transaction.nonce,
      });
      return { url: url.href, transaction };
    },

    async finish(callbackQuery, transaction) {
      const current = new URL(settings.redirectUrl);
      current.search = callbackQuery;
      const tokens = await client.authorizationCodeGrant(await config(), current, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token');
      // Google puts email in the ID token; strict providers keep it for the UserInfo endpoint.
      const source: Record<string, unknown> = typeof claims.email === 'string' ? claims : await client.fetchUserInfo(await config(), tokens.access_token, claims.sub);
      return { email: typeof source.email === 'string' ? source.email : '', emailVerified: source.email_verified === true, subject: claims.sub };
    },
  };
}
