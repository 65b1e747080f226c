import type { Log } from '@sss/contracts/ports/log';
import type { SssLogger } from '@sss/http-kit/server-kit';

/**
 * The subscribers' `Log` as pino JSON lines on the process's one logger (the HTTP app's, with its
 * redaction): a failure at error with its stack under `err`, a notice without one at warn, and the
 * caller's fields (subscriber, position, event id, correlation id, actor) as keys of their own.
 */
export function subscriberLog(logger: SssLogger, component = 'subscriber'): Log {
  const child = logger.child({ component });
  return (message, error, fields) => {
    if (error === undefined || error === '') child.warn({ ...fields }, message);
    else child.error({ ...fields, err: error instanceof Error ? error : new Error(String(error)) }, message);
  };
}
