/**
 * A port with some methods wrapped and everything else passed through untouched: the adapter's
 * other members (the SQLite store's `checkpoints` and `db`, which subscribers and the history's
 * integrity check look for) stay visible through every decorator. Copying only the methods lost
 * them silently, so policies replayed from position 0 and a truncated stream went unnoticed.
 */
export function decorate<T extends object>(port: T, overrides: Partial<T>): T {
  return new Proxy(port, {
    get(target, key) {
      if (Object.prototype.hasOwnProperty.call(overrides, key)) return (overrides as Record<PropertyKey, unknown>)[key];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
