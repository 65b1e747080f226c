/**
 * The one text policy for every string that enters SSS (docs/architecture.md §Edges and sessions):
 * what is stored stays in the event log and on printed documents forever, so text is NFC and holds
 * nothing a reader cannot see or that reorders what they see. Pure, so the UI checks with the same rule.
 */

/** `line`: a name, a code, a title; `multiline`: a note a person writes in a textarea (newline and tab allowed). */
export type TextKind = 'line' | 'multiline';

export type TextVerdict = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly reason: string };

// C0 and C1 controls, DEL; newline and tab are excluded here and refused separately for single lines.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const LINE_BREAK_OR_TAB = /[\t\n]/u;
// Bidi embeddings, overrides and isolates, and marks: they make text print in another order than it is stored.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Line/paragraph separators and the BOM: invisible, and they break lines where no one expects.
const INVISIBLE = /[\u2028\u2029\uFEFF]/u;

function hasLoneSurrogate(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}

export function checkText(value: string, kind: TextKind = 'line'): TextVerdict {
  // Lone surrogates first: the regular expressions below need well-formed text, and NFC would keep them.
  if (hasLoneSurrogate(value)) return { ok: false, reason: '壊れた文字（不正なサロゲート）' };
  // A textarea sends CRLF from some browsers and LF from others: store one convention.
  const text = (kind === 'multiline' ? value.replace(/\r\n?/gu, '\n') : value).normalize('NFC');
  if (CONTROL.test(text)) return { ok: false, reason: '制御文字' };
  if (kind === 'line' && LINE_BREAK_OR_TAB.test(text)) return { ok: false, reason: '改行・タブ' };
  if (BIDI.test(text)) return { ok: false, reason: '文字の向きを変える制御文字' };
  if (INVISIBLE.test(text)) return { ok: false, reason: '見えない区切り文字' };
  return { ok: true, value: text };
}
