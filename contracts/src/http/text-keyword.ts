import type { TextKind } from '../domain/text-policy.ts';

/**
 * The JSON-schema keyword that carries the text policy (`contracts/src/domain/text-policy.ts`).
 * A schema declares `multiline` where a textarea writes; every other string is a single line, and
 * `withTextPolicy` marks it so before the schema is compiled, so no field can forget the policy.
 */
export const TEXT_KEYWORD = 'x-text';

// Values, not schemas: never walked.
const DATA_KEYS = new Set(['enum', 'const', 'default', 'examples', 'example']);

export function withTextPolicy<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((item: unknown) => withTextPolicy(item)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) copy[key] = DATA_KEYS.has(key) ? value : withTextPolicy(value);
  const type = source.type;
  const isString = type === 'string' || (Array.isArray(type) && type.includes('string'));
  if (isString && !(TEXT_KEYWORD in source)) copy[TEXT_KEYWORD] = 'line' satisfies TextKind;
  return copy as T;
}
