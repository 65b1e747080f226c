/** Free text becomes a literal pattern: a person typing "(株)" searches for those characters. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Storage bookkeeping (`_id`, `_pos`) never leaves the read side. */
export function publicDoc(doc: Record<string, unknown>): Record<string, unknown> {
  const { _id: _ignoredId, _pos: _ignoredPos, ...rest } = doc;
  return rest;
}
