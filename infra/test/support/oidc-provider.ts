import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './free-port.ts';

/**
 * A real OpenID provider (the npm package oidc-provider) on a loopback port, for sign-in tests. Its
 * own development login form accepts any login name; the name typed is the account's email, and a
 * login starting with `unverified.` gets `email_verified: false`.
 */
export interface LocalProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  stop(): Promise<void>;
}


export async function startLocalProvider(redirectUrl: string): Promise<LocalProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'sss-test';
  const clientSecret = 'sss-test-secret-0123456789';
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUrl], response_types: ['code'], grant_types: ['authorization_code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, email: id.replace(/^unverified\./, ''), email_verified: !id.startsWith('unverified.'), name: id }),
    }),
    cookies: { keys: ['local-provider-test-key'] },
    features: { devInteractions: { enabled: true } },
  });
  // its warnings about development-only features are expected here
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider error', error));
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
