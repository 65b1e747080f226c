/**
 * A list's page size: one of three choices, read from the URL (so a link shows the same rows) or,
 * when the URL names none, the size this person last chose on that list (kept in localStorage).
 */
export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_SIZE = PAGE_SIZES[0];
const storageKey = (list: string) => `sss.pageSize.${list}`;

const isChoice = (value: number) => (PAGE_SIZES as readonly number[]).includes(value);

function remembered(list: string): number | null {
  try {
    const value = Number(globalThis.localStorage?.getItem(storageKey(list)));
    return isChoice(value) ? value : null;
  } catch {
    // storage refused (private mode, quota): the list still works with the default
    return null;
  }
}

export function pageSizeFrom(search: URLSearchParams, list: string): number {
  const asked = Number(search.get('pageSize'));
  return isChoice(asked) ? asked : (remembered(list) ?? DEFAULT_SIZE);
}

/** Writes the size into the URL being built; the default is left out to keep links short. */
export function putPageSize(search: URLSearchParams, size: number | undefined): void {
  if (size && size !== DEFAULT_SIZE) search.set('pageSize', String(size));
}

export function rememberPageSize(list: string, size: number): void {
  try {
    globalThis.localStorage?.setItem(storageKey(list), String(size));
  } catch {
    // not remembered, still applied through the URL
  }
}
