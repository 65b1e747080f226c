/**
 * CollaboFlow refuses document titles over 100 characters (docs/collaboflow.md), while a project
 * name alone may be 200. A title is shortened at a character boundary a reader sees (a grapheme:
 * a surrogate pair, a base letter with its combining marks, an emoji sequence), ending in `…`.
 * Length is counted in UTF-16 units, the strictest count the vendor could be using.
 */
export const MAX_TITLE_LENGTH = 100;
const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('ja', { granularity: 'grapheme' });

export function shortenTitle(title: string, max = MAX_TITLE_LENGTH): string {
  if (title.length <= max) return title;
  let out = '';
  for (const { segment } of segmenter.segment(title)) {
    if (out.length + segment.length + ELLIPSIS.length > max) break;
    out += segment;
  }
  return `${out.trimEnd()}${ELLIPSIS}`;
}
