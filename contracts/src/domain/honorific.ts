/**
 * A company addressed on a document: 「顧客商事株式会社 御中」. People type the honorific into the
 * name themselves (and older 見積 carry 「… 御中」 in their addressee, for the log is forever), so
 * it is added only when the name does not already end with one: a document never says 「御中 御中」.
 */
const HONORIFIC = /(御中|様|殿|各位)$/;

export function addressedTo(name: string): string {
  const trimmed = name.trim();
  return trimmed === '' || HONORIFIC.test(trimmed) ? trimmed : `${trimmed} 御中`;
}
