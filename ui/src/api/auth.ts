import type { Role } from '@sss/contracts/http/auth';
import { isApiError } from '../lib/problem.ts';
import { request } from '../lib/http.ts';
import { resetPosition } from '../lib/position.ts';

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

export const login = (email: string, password: string) =>
  request<SessionUser>('POST', '/api/auth/login', { body: { email, password }, expect401: true });

export async function logout(): Promise<void> {
  try {
    await request<void>('POST', '/api/auth/logout', { expect401: true });
  } finally {
    resetPosition();
  }
}

export interface SignInProviders {
  password: boolean;
  oidc: { name: string; startUrl: string } | null;
}

/** Which sign-in methods the server offers (public; the OIDC button shows only when configured). */
export const providers = () => request<SignInProviders>('GET', '/api/auth/providers', { expect401: true });

/** `null` when nobody is signed in. */
export async function me(): Promise<SessionUser | null> {
  try {
    return await request<SessionUser>('GET', '/api/auth/me', { expect401: true });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}
