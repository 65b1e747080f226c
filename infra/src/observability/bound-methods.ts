/** A port's methods bound to it, own and inherited (adapters may be class instances). */
export function boundMethods<T extends object>(port: T): T {
  const methods: Record<string, unknown> = {};
  for (let proto: object | null = port; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      const value = (port as Record<string, unknown>)[key];
      if (key !== 'constructor' && !(key in methods) && typeof value === 'function') methods[key] = (value as (...a: unknown[]) => unknown).bind(port);
    }
  }
  return methods as T;
}
