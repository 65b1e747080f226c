/** A schema's `title` (the Japanese label); TypeBox's static types do not expose it on every kind. */
export function schemaTitle(schema: unknown, fallback = ''): string {
  const title = (schema as { title?: unknown } | undefined)?.title;
  return typeof title === 'string' ? title : fallback;
}
