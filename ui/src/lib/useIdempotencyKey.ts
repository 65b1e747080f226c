import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from './idempotency.ts';

/**
 * One Idempotency-Key per user action: pressing 保存 again after a network failure with the same
 * content reuses the key (so the server does not apply it twice); changed content or a
 * completed action gets a fresh one (the server refuses a key reused with a different body).
 */
export function useIdempotencyKey() {
  const last = useRef<{ key: string; payload: string } | null>(null);
  const keyFor = useCallback((payload: unknown) => {
    const json = JSON.stringify(payload);
    if (last.current?.payload !== json) last.current = { key: newIdempotencyKey(), payload: json };
    return last.current.key;
  }, []);
  const done = useCallback(() => {
    last.current = null;
  }, []);
  return { keyFor, done };
}
