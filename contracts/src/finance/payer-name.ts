/**
 * Payer names as banks write them, made comparable with the company's 読み (docs/finance.md §Payer names):
 * NFKC (half-width kana become full-width, ﾞ/ﾟ combine), hiragana to katakana, small kana to large
 * (banks only have large: ｷﾕｳﾖ), every long-vowel mark and hyphen to one ー, the 法人略語 in any of its
 * three positions (ｶ)NAME, NAME(ｶ, NAME(ｶ)BRANCH) and spelled-out entity words removed, spaces and
 * punctuation dropped. The same function runs on both sides of a comparison.
 */

const SMALL_TO_LARGE: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };

/** 法人略語 → the entity it stands for (全銀協 別表), longest first so ｻﾞｲ wins over ｻ. */
export const ENTITY_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['トクヒ', '特定非営利活動法人'], ['シユウ', '宗教法人'], ['シユツ', '出張所'], ['ガク', '学校法人'], ['ザイ', '財団法人'], ['シヤ', '社団法人'],
  ['フク', '社会福祉法人'], ['ゼイ', '税理士法人'], ['エイ', '営業所'], ['カ', '株式会社'], ['ユ', '有限会社'], ['ド', '合同会社'], ['メ', '合名会社'],
  ['シ', '合資会社'], ['イ', '医療法人'],
];

/** Entity words payers spell out instead of abbreviating (one SMBC file has ｶﾌﾞｼｷｶﾞｲｼﾔ in full). */
const SPELLED_OUT = ['カブシキガイシヤ', 'カブシキカイシヤ', 'ユウゲンガイシヤ', 'ユウゲンカイシヤ', 'ゴウドウガイシヤ', 'ゴウドウカイシヤ', 'ゴウメイガイシヤ', 'ゴウシガイシヤ', '株式会社', '有限会社', '合同会社'];

const ABBR = ENTITY_ABBREVIATIONS.map(([a]) => a).join('|');
const LEADING = new RegExp(`^(?:${ABBR})[)）]`);
const TRAILING = new RegExp(`[(（](?:${ABBR})$`);
const MIDDLE = new RegExp(`[(（](?:${ABBR})[)）]`, 'g');

export interface NormalisedPayer {
  /** What names are compared by ('' when nothing is left). */
  readonly key: string;
  /** The legal entity the abbreviation or spelled-out word named, if any. */
  readonly entity: string | null;
}

function kanaFold(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[ァィゥェォッャュョヮヵヶ]/g, (c) => SMALL_TO_LARGE[c]!)
    .replace(/[ｰー\-−‐‑–—―ｰ─]/g, 'ー');
}

export function normalisePayerName(name: string): NormalisedPayer {
  let text = kanaFold(name).replace(/[\s\u3000]+/g, '');
  let entity: string | null = null;
  const abbreviation = (match: string) => {
    const bare = match.replace(/[()（）]/g, '');
    entity ??= ENTITY_ABBREVIATIONS.find(([a]) => a === bare)?.[1] ?? null;
    return '';
  };
  text = text.replace(LEADING, abbreviation).replace(TRAILING, abbreviation).replace(MIDDLE, abbreviation);
  for (const word of SPELLED_OUT) {
    if (text.includes(word)) {
      entity ??= word.startsWith('カブ') || word === '株式会社' ? '株式会社' : word.startsWith('ユウ') || word === '有限会社' ? '有限会社' : word.startsWith('ゴウドウ') || word === '合同会社' ? '合同会社' : word.startsWith('ゴウメイ') ? '合名会社' : '合資会社';
      text = text.replaceAll(word, '');
    }
  }
  return { key: text.replace(/[().,/「」\\・'"（）．，／]/g, ''), entity };
}
