/**
 * Read-your-writes: the highest event-store position this browser has caused. Every query sends it
 * as `X-SSS-Min-Position`, so a read model that has not yet caught up with our own save waits
 * (or answers 503 read_model_lagging) instead of showing the form as it was before.
 * Positions are decimal strings that may exceed 2^53, hence BigInt.
 */
let current: string | undefined;

export function minPosition(): string | undefined {
  return current;
}

export function advancePosition(position: string | undefined): void {
  if (!position || !/^\d+$/.test(position)) return;
  if (current !== undefined && BigInt(position) <= BigInt(current)) return;
  current = position;
}

/** After logout the next user starts fresh. */
export function resetPosition(): void {
  current = undefined;
}
