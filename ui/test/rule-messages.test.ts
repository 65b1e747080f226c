import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { englishRuleMessage, RULE_MESSAGES_EN } from '../src/i18n/ruleMessages.ts';
import { projectStatusLabels } from '../src/i18n/codes.ts';
import { monthlySalesStatusLabels } from '../src/i18n/sales.ts';

/**
 * Every business rule a decider refuses with has its English: the templates are read from the
 * deciders' source (the message argument of each `new DomainError(…)` / `DomainError.field(…)`, each
 * `${…}` as `{0}`, `{1}`…), so a new rule, or a reworded one, without an English line fails here.
 */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DECIDERS = /(decider|status-flow|guards|approval-coverage|resources|closed-month-guard)\.ts$/;

function deciderTemplates(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = join(root, 'write-side', 'src');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !DECIDERS.test(file)) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const callee = node.expression.getText();
        const message = callee === 'DomainError' ? node.arguments?.[1] : callee === 'DomainError.field' ? node.arguments?.[2] : undefined;
        if (message && ts.isStringLiteralLike(message)) found.set(message.text, file);
        if (message && ts.isTemplateExpression(message)) found.set(message.head.text + message.templateSpans.map((span, i) => `{${i}}${span.literal.text}`).join(''), file);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const templates = deciderTemplates();

test('the deciders were read (the scan finds their rules)', () => {
  assert.ok(templates.size >= 70, `found ${templates.size} templates`);
  assert.ok(templates.has('受注稟議の承認には稟議番号が必要です。'));
});

test('every decider rule has an English line, and every English line a rule', () => {
  const missing = [...templates].filter(([template]) => !(template in RULE_MESSAGES_EN)).map(([template, file]) => `${template}  (${file.slice(root.length + 1)})`);
  assert.equal(missing, [], `rules without English:\n${missing.join('\n')}`);
  const stale = Object.keys(RULE_MESSAGES_EN).filter((template) => !templates.has(template));
  assert.equal(stale, [], 'English lines whose rule is gone or reworded');
});

test('each rule, filled with values, reads as English with no Japanese left', () => {
  for (const template of templates.keys()) {
    const message = template.replace(/\{(\d)\}/g, (_, i: string) => `V${i}`);
    const english = englishRuleMessage(message);
    assert.ok(english, `recognised: ${message}`);
    assert.not.ok(JAPANESE.test(english!), `${message} → ${english}`);
    for (const i of template.match(/\{(\d)\}/g) ?? []) assert.ok(english!.includes(`V${i.slice(1, -1)}`), `${message} keeps its value ${i}`);
  }
});

test('values the UI knows are told in English: statuses, kinds, actions, yen, months', () => {
  assert.is(englishRuleMessage('ステータスを「提案検討中」から「受注済」に変更することはできません。'), `The status cannot change from “${projectStatusLabels.en.proposing}” to “${projectStatusLabels.en.ordered}”.`);
  assert.is(englishRuleMessage('入金額が未入金残高（1,234,567円）を超えています。'), 'The payment exceeds the outstanding balance (¥1,234,567).');
  assert.is(englishRuleMessage('2026年3月は締め済みです（既に締めています）。'), '2026-03 is closed (already closed).');
  assert.is(englishRuleMessage('「受注確定」の受注は編集できません。'), 'An order that is “confirmed” cannot be edited.');
  assert.is(englishRuleMessage('この月は「請求済」のため請求書を発行できません。'), `This month is “${monthlySalesStatusLabels.en.invoiced}”, so it cannot issue the invoice.`);
  assert.is(englishRuleMessage('受注稟議の承認には稟議番号が必要です。'), 'Approving the order ringi needs the ringi number.');
  assert.is(englishRuleMessage('だれかが書いた文'), null);
});

test.run();
