import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { OIDC_ERROR_PAGE_STYLE } from '@sss/write-side/auth/oidc-error-page';

/**
 * Security headers on every answer of the SSS app (UI files, API answers, problems, downloads), on
 * the embedded default and on each split service alike. The built UI loads its script and styles
 * from files, so the policy allows no inline script at all; the one inline style SSS serves (the
 * OpenID Connect error page) is allowed by its hash only. HSTS only when the cookie is Secure, i.e.
 * SSS is known to be behind HTTPS: sent over plain HTTP it would lock browsers out of a test host.
 * The CollaboFlow simulator is a separate app with its own pages and keeps its own policy.
 */

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export async function installSecurityHeaders(app: FastifyInstance, options: { secureCookies: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", sha256(OIDC_ERROR_PAGE_STYLE)],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
