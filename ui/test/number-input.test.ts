import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { normalizeNumber } from '../src/lib/numberInput.ts';
import { checkEffort, checkYen } from '../src/projects/grid/cellInput.ts';
import { yenOf } from '../src/sales/salesForm.ts';
import { contentFromForm, emptyLine, type EstimateForm } from '../src/estimates/estimateForm.ts';

// The walk found 「1,5」 in an effort cell read as 15 人月: every numeric field of the UI reads
// numbers through one rule, so each is checked here against the same inputs.

test('a comma is a thousands separator only where it stands as one', () => {
  assert.is(normalizeNumber('1,234,567'), '1234567');
  assert.is(normalizeNumber('1,234.5'), '1234.5');
  assert.is(normalizeNumber('¥1,200,000円'), '1200000');
  assert.is(normalizeNumber('1,5'), '1,5');
  assert.is(normalizeNumber('12,34'), '12,34');
  assert.is(normalizeNumber('1234,567'), '1234,567');
  assert.is(normalizeNumber('1、234'), '1234');
});

test('full-width digits, separators and minus from an IME become ASCII', () => {
  assert.is(normalizeNumber('１，２３４，５６７'), '1234567');
  assert.is(normalizeNumber('０．５'), '0.5');
  assert.is(normalizeNumber('－３'), '-3');
  assert.is(normalizeNumber(' 1 000 '), '1000');
});

test('effort cells refuse 「1,5」 instead of reading 15 人月', () => {
  const refused = checkEffort('1,5');
  assert.is(refused.ok, false);
  assert.match(!refused.ok ? refused.message : '', /3桁区切り/);
  assert.equal(checkEffort('１．５'), { ok: true, value: '1.5' });
  assert.is(checkEffort('1,000').ok, false, '1,000 人月 is out of range, not 1');
});

test('yen cells read 「1,234,567」 and refuse 「1,5」', () => {
  assert.equal(checkYen('1,234,567', '原価'), { ok: true, value: '1234567' });
  assert.is(checkYen('1,5', '原価').ok, false);
});

test('the 売上実績 form reads yen the same way and never turns 「1,5」 into 15', () => {
  assert.is(yenOf('1,234,567'), 1234567);
  assert.is(yenOf('１，２３４'), 1234);
  assert.is(yenOf(' 5 000 '), 5000);
  assert.ok(Number.isNaN(yenOf('1,5')), 'sent as null for the server to refuse naming the field');
  assert.is(yenOf(''), 0);
});

test('the 見積 editor keeps 「1,5」 as typed so the schema refuses it', () => {
  const form: EstimateForm = {
    subject: 's', addressee: 'a', periodStart: '2026-12-01', periodEnd: '2026-12-31', deliveryPlace: '', paymentTerms: '',
    validUntil: '2026-12-31', conditions: '', lines: [{ ...emptyLine(), quantity: '1,5', unitPrice: '1,000' }],
  };
  const body = contentFromForm(form) as { lines: { quantity: string; unitPrice: unknown }[] };
  assert.is(body.lines[0]!.quantity, '1,5');
  assert.is(body.lines[0]!.unitPrice, 1000);
});

test.run();
