import type { Page } from 'playwright-core';

/**
 * What a screen shows that is not in its language. The rule is structural: text inside an element
 * marked `data-user-data` (values people typed or master data: names, ids, notes) is not the UI's
 * to translate, nor is anything inside an element whose `lang` differs from the page's (the
 * language switch names the other language in that language). Everything else that is visible —
 * text, placeholders, titles, aria-labels — belongs to the UI and must be in the page's language.
 */
export interface Finding {
  text: string;
  /** The nearest test id or tag above the text, to find it in the source. */
  where: string;
}

/** Words a Japanese screen may show in Latin letters, each with why. */
export const JAPANESE_LATIN_ALLOWED: Readonly<Record<string, string>> = {
  SSS: 'the product name',
  CSV: 'a file format, written so in Japanese offices',
  PDF: 'a file format',
  Excel: 'the product people open the file with',
  ID: 'written so in Japanese',
  URL: 'written so in Japanese',
  KB: 'a unit',
  MB: 'a unit',
  JST: 'the time zone name printed on exports',
  English: 'the language switch names English in English (also marked lang=en)',
  OpenID: 'the sign-in protocol name',
  Connect: 'part of OpenID Connect',
  Ed: 'Ed25519, the signature algorithm',
  SHA: 'SHA-256, the hash algorithm',
  PO: 'purchase order number, written PO in Japanese offices',
  FB: 'FB データ: the bank file format name',
  Kafka: 'the product name on the subscriber console',
  Sansan: 'the business-card service a company links to (Sansan URL)',
  NDA: 'written so in Japanese contracts (NDA締結日)',
  No: '注文No: how a purchase order number is labelled in Japanese offices',
  API: 'written so in Japanese',
  Webhook: 'written so in Japanese (CollaboFlow calls it so)',
  PEM: 'a file format',
  Tab: 'a key name, printed so on Japanese keyboards (the grid\'s keyboard hint)',
  Enter: 'a key name, printed so on Japanese keyboards',
  Ctrl: 'a key name, printed so on Japanese keyboards (Ctrl+V)',
};

/**
 * Runs in the page. Kept as source text: tsx names inner functions with a helper (`__name`) that
 * does not exist in the page.
 */
const COLLECT = `(({ pattern, flags, userData, scrubIds }) => {
  const foreign = new RegExp(pattern, flags);
  const scrub = (text) => {
    // ids, emails and URLs first: a seed string may be part of one (example.co.jp)
    let left = scrubIds ? text.replace(/https?:\\/\\/\\S+|[\\w.+-]+@[\\w.-]+|\\S*[\\d:_]\\S*/g, ' ') : text;
    for (const data of userData) left = left.split(data).join(' ');
    return left;
  };
  const pageLang = document.documentElement.lang;
  const excluded = (element) => {
    for (let at = element; at; at = at.parentElement) {
      if (at.hasAttribute('data-user-data')) return true;
      // scripts are not shown; code, pre, kbd and samp hold identifiers and machine text (keys, names of subscribers)
      if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'CODE', 'PRE', 'KBD', 'SAMP'].includes(at.tagName)) return true;
      const lang = at.getAttribute('lang');
      if (lang && at !== document.documentElement && lang !== pageLang) return true;
    }
    return false;
  };
  const visible = (element) => element.checkVisibility ? element.checkVisibility({ visibilityProperty: true }) : true;
  const where = (element) => {
    const marked = element.closest('[data-testid]');
    const tag = '<' + element.tagName.toLowerCase() + '>';
    return marked ? marked.getAttribute('data-testid') + ' ' + tag : tag;
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = (node.textContent || '').trim();
    if (!parent || !text || excluded(parent)) continue;
    // an <option> is drawn by the browser even though its element reports no box
    if (parent.tagName !== 'OPTION' && !visible(parent)) continue;
    if (foreign.test(scrub(text))) found.push({ text, where: where(parent) });
  }
  for (const element of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (excluded(element) || !visible(element)) continue;
    for (const attribute of ['placeholder', 'title', 'aria-label']) {
      const text = (element.getAttribute(attribute) || '').trim();
      if (text && foreign.test(scrub(text))) found.push({ text: attribute + '=' + text, where: where(element) });
    }
  }
  return found;
})`;

/** Collects the visible UI text of the page that matches `pattern`, outside user data. */
async function collect(page: Page, pattern: string, flags: string, userData: readonly string[], scrubIds: boolean): Promise<Finding[]> {
  return page.evaluate(`${COLLECT}(${JSON.stringify({ pattern, flags, userData, scrubIds })})`) as Promise<Finding[]>;
}

/** Hiragana, Katakana (half-width too), CJK ideographs and Japanese punctuation. */
const JAPANESE = '[\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Han}\\u3000-\\u303f\\uff61-\\uff9f]';

/** `userData`: strings known to be data (the demo seed's), taken out of a text before it is judged. */
export const japaneseText = (page: Page, userData: readonly string[]) => collect(page, JAPANESE, 'u', userData, false);

/** Latin words of two letters or more outside user data, ids, emails, URLs and codes with digits, not on the allowlist. */
export async function strayEnglish(page: Page, userData: readonly string[]): Promise<Finding[]> {
  const found = await collect(page, '[A-Za-z]{2,}', 'u', userData, true);
  return found.filter((finding) => {
    let text = finding.text.replace(/^(placeholder|title|aria-label)=/, '').replace(/https?:\/\/\S+|[\w.+-]+@[\w.-]+|\S*[\d:_]\S*/g, ' ');
    for (const data of userData) text = text.split(data).join(' ');
    const words = text.match(/[A-Za-z]{2,}/g) ?? [];
    return words.some((word) => !(word in JAPANESE_LATIN_ALLOWED));
  });
}
