import { useCallback } from 'react';
import { useI18n } from './I18nProvider.tsx';
import { useTitle } from './titles.ts';
import { englishRuleMessage } from './ruleMessages.ts';

/**
 * The server (and the browser's own schema check) words every validation message in Japanese
 * (`contracts/src/http/validation-messages.ts`), and the problem carries no other form of it. On an
 * English screen the UI recognises those sentences by their templates and says them in English,
 * with the field's title translated (docs/i18n.md). `ui/test/field-messages.test.ts` feeds every
 * template through this table, so a template changed on one side fails there. A business rule a
 * decider wrote is told in English by its own table (`ruleMessages.ts`); a message neither knows is
 * shown as the server wrote it.
 */
type Rule = readonly [RegExp, (label: string, n: string) => string];

const RULES: readonly Rule[] = [
  [/^(.+?)は必須です。$/, (l) => `${l} is required.`],
  [/^(.+?)は(\d+)文字以上で入力してください。$/, (l, n) => `${l} needs at least ${n} characters.`],
  [/^(.+?)は(\d+)文字以内で入力してください。$/, (l, n) => `${l} may have at most ${n} characters.`],
  [/^(.+?)は実在する日付を入力してください（YYYY-MM-DD）。$/, (l) => `${l} must be a real date (YYYY-MM-DD).`],
  [/^(.+?)の形式が正しくありません（(.+)）。$/, (l, hint) => `${l} is not in the expected form (${hint}).`],
  [/^(.+?)の形式が正しくありません。$/, (l) => `${l} is not in the expected form.`],
  [/^(.+?)は(-?[\d.]+)以上で入力してください。$/, (l, n) => `${l} must be ${n} or more.`],
  [/^(.+?)は(-?[\d.]+)より大きい値を入力してください。$/, (l, n) => `${l} must be more than ${n}.`],
  [/^(.+?)は(-?[\d.]+)以下で入力してください。$/, (l, n) => `${l} must be ${n} or less.`],
  [/^(.+?)は数値で入力してください。$/, (l) => `${l} must be a number.`],
  [/^(.+?)の値の種類が正しくありません。$/, (l) => `${l} has the wrong kind of value.`],
  [/^(.+?)は選択肢から選んでください。$/, (l) => `Choose ${l} from the list.`],
  [/^(.+?)に使えない文字（(.+)）が含まれています。$/, (l, reason) => `${l} contains characters that cannot be used (${reason}).`],
  [/^(.+?)という項目は受け付けていません。$/, (l) => `${l} is not accepted here.`],
  [/^(.+?)を(\d+)件以上入力してください。$/, (l, n) => `Enter at least ${n} ${l}.`],
  [/^(.+?)は(\d+)件以内にしてください。$/, (l, n) => `${l} may have at most ${n} entries.`],
  // after the longer templates that also end in 「を入力してください」
  [/^(.+?)を入力してください。$/, (l) => `Enter ${l}.`],
  [/^(.+?)の値が正しくありません。$/, (l) => `${l} is not valid.`],
];

/** The English of a schema-validation message, or null for one no template made. */
export function englishFieldMessage(message: string, title: (japanese: string) => string): string | null {
  for (const [pattern, english] of RULES) {
    const match = pattern.exec(message);
    if (match) return english(title(match[1]!), title(match[2] ?? ''));
  }
  return null;
}

/** A field or problem message in the person's language where the UI knows its English. */
export function useFieldMessage(): (message: string) => string {
  const { language } = useI18n();
  const title = useTitle();
  return useCallback((message: string) => (language === 'en' ? (englishFieldMessage(message, title) ?? englishRuleMessage(message) ?? message) : message), [language, title]);
}
