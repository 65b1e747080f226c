/**
 * The one shape of every label table in the UI: a typed dictionary with Japanese (the source) and
 * English side by side, the English one required to name every key. Features keep their own
 * dictionary in `i18n/<feature>.ts` (so people adding screens do not all edit one file) and look
 * labels up the same way: `const l = useLabels(projectLabels); l('listTitle')`.
 */
export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Dictionary<K extends string> {
  readonly ja: Readonly<Record<K, string>>;
  readonly en: Readonly<Record<K, string>>;
}

export type LabelParams = Record<string, string | number>;

/** Japanese first; the type checker makes English cover every Japanese key. */
export function defineDictionary<const J extends Record<string, string>>(ja: J, en: Record<keyof J & string, string>): Dictionary<keyof J & string> {
  return { ja, en };
}

/** `{name}` placeholders filled from `params`; one left without a value stays visible as `{name}`. */
export function fill(text: string, params?: LabelParams): string {
  return params ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)) : text;
}

/**
 * A key's text in a language. A key the table does not know (a status or event type newer than
 * this UI, handed over by the server) is shown as itself.
 */
export function lookup<K extends string>(dictionary: Dictionary<K>, language: Language, key: K, params?: LabelParams): string {
  const text: string | undefined = dictionary[language][key];
  return text === undefined ? key : fill(text, params);
}
