/**
 * How a person's search matches stored names (docs/architecture.md §Edges and sessions): a Japanese
 * office types a company as カブシキ, かぶしき or ｶﾌﾞｼｷ and expects the same hits. Projections store
 * `searchKeyOf(...)` of what a list is searched by, and a list route folds its `q` with `foldForSearch`
 * and matches it as a literal substring of that key. Pure, so the UI folds with the same rule.
 */

// Small kana whose large form is what people type (ぁ→あ, っ→つ, ゃ→や, ゎ→わ, ゕ→か, ゖ→け).
const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ぁ: 'あ', ぃ: 'い', ぅ: 'う', ぇ: 'え', ぉ: 'お', っ: 'つ', ゃ: 'や', ゅ: 'ゆ', ょ: 'よ', ゎ: 'わ', ゕ: 'か', ゖ: 'け',
};
const SMALL_KANA = /[ぁぃぅぇぉっゃゅょゎゕゖ]/gu;
// Katakana ァ..ヶ sit 0x60 above their hiragana.
const KATAKANA = /[\u30A1-\u30F6]/gu;
// The long-vowel mark and the dashes people type for it (after NFKC, half-width ｰ is already ー).
const LONG_VOWEL_LIKE = /[\u2010-\u2015\u2212\u301C\u30FC\uFF5E~-]/gu;
const SPACE = /\s+/gu;
/** Separates the parts of a stored key; folded queries never contain it (whitespace is removed), so no hit spans two parts. */
const PART_SEPARATOR = '\n';

export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(SMALL_KANA, (c) => SMALL_TO_LARGE[c] ?? c)
    .replace(LONG_VOWEL_LIKE, 'ー')
    .replace(SPACE, '');
}

/** The stored key of a document searched by several texts (name, kana, code, …); missing parts are skipped. */
export function searchKeyOf(...parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .map(foldForSearch)
    .join(PART_SEPARATOR);
}

