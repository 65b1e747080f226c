import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import { normalisePayerName } from '@sss/contracts/finance/payer-name';
import { kanaIndexOf, suggest, type Customer, type MatchIndex, type OpenInvoice } from '../../src/finance/matching.ts';

/** 入金消込 suggestions (docs/finance.md §Matching): the reasons, and properties that hold for any books. */

const customer = (id: string, kana: string, knownFees: number[] = []): Customer => ({ customerId: id, name: id, kanaKey: normalisePayerName(kana).key, code: '', knownFees });
const invoice = (customerId: string, n: number, outstanding: number, dueDate = '2026-05-31'): OpenInvoice => ({ projectId: `p-${customerId}`, month: `2026-${String(n).padStart(2, '0')}`, invoiceNumber: `INV-${customerId}-${n}`, customerId, dueDate, outstanding });

function indexOf(customers: Customer[], invoices: OpenInvoice[], learned: [string, string][] = []): MatchIndex {
  const byOutstanding = new Map<number, OpenInvoice[]>();
  for (const i of invoices) byOutstanding.set(i.outstanding, [...(byOutstanding.get(i.outstanding) ?? []), i]);
  return {
    customers: new Map(customers.map((c) => [c.customerId, c])),
    learned: new Map(learned.map(([key, id]) => [key, new Map([[id, 1]])])),
    invoicesOf: (id) => invoices.filter((i) => i.customerId === id),
    byOutstanding,
  };
}

test('payer names: 法人略語 in all three positions, small kana, long vowels, spelled-out entities', () => {
  for (const [raw, key] of [['ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ', 'ヤマダシヨウカイ'], ['ﾔﾏﾀﾞｼﾖｳｶｲ(ｶ', 'ヤマダシヨウカイ'], ['ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳ', 'ヤマダトウキヨウ'], ['ヤマダショウカイ', 'ヤマダシヨウカイ'], ['ｾﾝﾀ-(ﾕ', 'センター'], ['ｶﾌﾞｼｷｶﾞｲｼﾔ ｾﾝﾀｰ', 'センター']] as const) {
    assert.is(normalisePayerName(raw).key, key, raw);
  }
  assert.is(normalisePayerName('ｲ)ｻｸﾗｶｲ').entity, '医療法人');
});

test('a fee short of one invoice, with the reasons a person can check', () => {
  const customers = [customer('yamada', 'ヤマダショウカイ'), customer('yamato', 'ヤマトウンユ')];
  const [best] = suggest({ amount: 329_780, valueDate: '2026-05-29', payerKey: normalisePayerName('ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ').key, payerCode: '' }, indexOf(customers, [invoice('yamada', 4, 330_000), invoice('yamato', 4, 329_780)]), kanaIndexOf(customers));
  assert.is(best!.customerId, 'yamada');
  assert.equal(best!.allocations.map((a) => [a.amount, a.difference]), [[329_780, 220]]);
  assert.ok(best!.reasons.some((r) => r.includes('振込手数料')));
  assert.ok(best!.reasons.some((r) => r.includes('支払期日')));
});

test('a truncated name matches by prefix; a learned name beats the 読み', () => {
  const customers = [customer('long', 'ニホンソフトウエアカイハツ'), customer('other', 'ニホンソフト')];
  const kana = kanaIndexOf(customers);
  const truncated = suggest({ amount: 1_000, valueDate: '2026-05-31', payerKey: normalisePayerName('ﾆﾎﾝｿﾌﾄｳｴｱｶｲ').key, payerCode: '' }, indexOf(customers, [invoice('long', 4, 1_000)]), kana);
  assert.is(truncated[0]!.customerId, 'long');
  assert.ok(truncated[0]!.reasons.some((r) => r.includes('切り詰め')));
  const learned = suggest({ amount: 1_000, valueDate: '2026-05-31', payerKey: 'ヤマダタロウ', payerCode: '' }, indexOf(customers, [invoice('other', 4, 1_000)], [['ヤマダタロウ', 'other']]), kana);
  assert.ok(learned[0]!.customerId === 'other' && learned[0]!.reasons.some((r) => r.includes('過去 1 回')));
});

test('over-payment leaves a remainder as 仮受金', () => {
  const customers = [customer('c', 'テスト')];
  const [s] = suggest({ amount: 15_000, valueDate: '2026-05-31', payerKey: 'テスト', payerCode: '' }, indexOf(customers, [invoice('c', 4, 10_000)]), kanaIndexOf(customers));
  assert.equal([s!.allocations[0]!.amount, s!.remainder], [10_000, 5_000]);
});

const books = fc.record({
  invoices: fc.array(fc.record({ customer: fc.integer({ min: 0, max: 3 }), outstanding: fc.integer({ min: 1, max: 500_000 }) }), { minLength: 1, maxLength: 14 }),
  amount: fc.integer({ min: 1, max: 1_500_000 }),
  payer: fc.integer({ min: 0, max: 4 }),
});
const KANA = ['アオバ', 'イロハ', 'ウミベ', 'エガオ'];

test('property: a suggestion never spans customers, never applies more than the deposit or an invoice balance, and conserves yen', () => {
  assertProperty(
    fc.property(books, ({ invoices, amount, payer }) => {
      const customers = KANA.map((k, i) => customer(`c${i}`, k, i === 0 ? [440] : []));
      const open = invoices.map((i, n) => invoice(`c${i.customer}`, n + 1, i.outstanding));
      const payerKey = KANA[payer] ?? 'ダレカ';
      for (const s of suggest({ amount, valueDate: '2026-05-31', payerKey, payerCode: '' }, indexOf(customers, open), kanaIndexOf(customers))) {
        const owners = new Set(s.allocations.map((a) => open.find((i) => i.invoiceNumber === a.invoiceNumber)!.customerId));
        assert.equal([...owners], [s.customerId]);
        const applied = s.allocations.reduce((t, a) => t + a.amount, 0);
        assert.is(applied + s.remainder, amount);
        assert.ok(s.remainder >= 0);
        for (const a of s.allocations) assert.ok(a.amount >= 0 && a.difference >= 0 && a.amount + a.difference <= a.outstanding, JSON.stringify(a));
      }
    }),
    { numRuns: 300 },
  );
});

test('property: a deposit matched again and again in parts (each time a suggestion for what is left) conserves yen and stays with one customer', () => {
  let repeated = 0;
  assertProperty(
    fc.property(books, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), ({ invoices, amount, payer }, picks) => {
      const customers = KANA.map((k, i) => customer(`c${i}`, k, i === 0 ? [440] : []));
      const outstanding = new Map(invoices.map((i, n) => [`INV-c${i.customer}-${n + 1}`, i.outstanding]));
      const open = () => invoices.map((i, n) => invoice(`c${i.customer}`, n + 1, outstanding.get(`INV-c${i.customer}-${n + 1}`)!)).filter((i) => i.outstanding > 0);
      const payerKey = KANA[payer] ?? 'ダレカ';
      let left = amount;
      let applied = 0;
      let owner: string | null = null;
      for (const [round, pick] of picks.entries()) {
        const books = open();
        // The deposit pays one customer (the deposit decider refuses another): later parts are that customer's suggestions only.
        const offered = suggest({ amount: left, valueDate: '2026-05-31', payerKey, payerCode: '' }, indexOf(customers, books), kanaIndexOf(customers)).filter((s) => owner === null || s.customerId === owner);
        if (offered.length === 0) break;
        const s = offered[pick % offered.length]!;
        owner = s.customerId;
        if (round > 0) repeated += 1;
        assert.is(s.remainder, left - s.allocations.reduce((t, a) => t + a.amount, 0));
        // Finance confirms it as offered, or applies only a part of each line this time (a partial payment; no fee then).
        const quarters = (pick % 4) + 1;
        let part = 0;
        for (const a of s.allocations) {
          const inv = books.find((i) => i.invoiceNumber === a.invoiceNumber)!;
          assert.is(inv.customerId, owner, 'never another customer\'s invoice');
          const paid = quarters === 4 ? a.amount : Math.floor((a.amount * quarters) / 4);
          outstanding.set(a.invoiceNumber, inv.outstanding - paid - (quarters === 4 ? a.difference : 0));
          assert.ok(outstanding.get(a.invoiceNumber)! >= 0, `${a.invoiceNumber} paid beyond its balance`);
          part += paid;
        }
        applied += part;
        left -= part;
        if (part === 0) break;
      }
      assert.ok(left >= 0);
      assert.is(applied + left, amount, 'every yen of the deposit is applied or still 仮受金');
    }),
    { numRuns: 200 },
  );
  assert.ok(repeated > 20, `the books let a deposit be matched again in only ${repeated} runs`);
});

test.run();
