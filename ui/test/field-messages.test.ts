import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { japaneseMessage, type SchemaIssue } from '@sss/contracts/http/validation-messages';
import { englishFieldMessage } from '../src/i18n/fieldMessages.ts';
import { titleIn } from '../src/i18n/titles.ts';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const en = (title: string) => titleIn('en', title);

/** One issue per branch of `japaneseMessage`, so a template changed there must be changed here. */
const ISSUES: readonly SchemaIssue[] = [
  { instancePath: '', keyword: 'required', params: { missingProperty: 'name' } },
  { instancePath: '/name', keyword: 'minLength', params: { limit: 1 } },
  { instancePath: '/name', keyword: 'minLength', params: { limit: 3 } },
  { instancePath: '/name', keyword: 'maxLength', params: { limit: 20 } },
  { instancePath: '/name', keyword: 'format', params: { format: 'date' } },
  { instancePath: '/name', keyword: 'pattern', params: {}, schema: { title: '案件名', description: '半角英字' } },
  { instancePath: '/name', keyword: 'pattern', params: {} },
  { instancePath: '/name', keyword: 'minimum', params: { limit: 0 } },
  { instancePath: '/name', keyword: 'exclusiveMinimum', params: { limit: 0 } },
  { instancePath: '/name', keyword: 'maximum', params: { limit: 999 } },
  { instancePath: '/name', keyword: 'type', params: { type: 'integer' } },
  { instancePath: '/name', keyword: 'type', params: { type: 'string' } },
  { instancePath: '/name', keyword: 'enum', params: {} },
  { instancePath: '/name', keyword: 'x-text', params: { reason: '制御文字' } },
  { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'name' } },
  { instancePath: '/name', keyword: 'minItems', params: { limit: 1 } },
  { instancePath: '/name', keyword: 'maxItems', params: { limit: 5 } },
  { instancePath: '/name', keyword: 'something-new', params: {} },
];

test('every Japanese validation template has its English, with the field title translated', () => {
  for (const issue of ISSUES) {
    const japanese = japaneseMessage(issue, '案件名');
    const english = englishFieldMessage(japanese, en);
    assert.ok(english, `no English for 「${japanese}」 (${issue.keyword})`);
    assert.ok(english.includes('Project name'), english);
    // the x-text reason and the pattern hint are the server's words; everything else is English
    if (issue.keyword !== 'x-text') assert.not.match(english.replace('Latin letters', ''), JAPANESE, english);
  }
});

test('the refusal seen on the audit screen reads in English, a business rule is left as written', () => {
  assert.is(englishFieldMessage('請求書番号は20文字以内で入力してください。', en), 'Invoice number may have at most 20 characters.');
  assert.is(englishFieldMessage('受注稟議の承認には稟議番号が必要です。', en), null);
});

test.run();
