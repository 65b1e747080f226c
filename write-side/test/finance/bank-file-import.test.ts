import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import { openSqliteEventStore } from '../../src/eventstore/sqlite-event-store.ts';
import { parseZengin } from '../../src/finance/zengin-parser.ts';
import { parseBankCsv } from '../../src/finance/bank-csv.ts';
import { encodeShiftJis } from '../../src/finance/shift-jis.ts';
import { warekiToIso } from '../../src/finance/wareki.ts';
import { importDeposits, parseBankFile } from '../../src/finance/import-bank-file.ts';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import { depositIdOf } from '../../src/finance/parsed-deposit.ts';
import { transactionDetail, transferNotice } from './zengin-fixture.ts';

const TODAY = '2026-11-30';
const transfers = [
  { date: '2026-04-15', amount: 329_780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ' },
  { date: '2026-04-16', amount: 550_000, payerName: '1234567890 ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ' },
];

test('和暦 YYMMDD: the documented vectors, the era boundary, no date, impossible dates', () => {
  assert.is(warekiToIso('310430', TODAY), '2019-04-30');
  assert.is(warekiToIso('010501', TODAY), '2019-05-01');
  assert.is(warekiToIso('080415', TODAY), '2026-04-15');
  assert.is(warekiToIso('280503', TODAY), '2016-05-03');
  assert.is(warekiToIso('000000', TODAY), null);
  assert.ok(typeof warekiToIso('080230', TODAY) === 'object');
  assert.ok(typeof warekiToIso('010430', TODAY) === 'object', '令和元年4月 does not exist');
});

for (const crlf of [false, true]) {
  test(`振込入金通知 (種別 01) ${crlf ? 'with' : 'without'} CR LF: amounts, 勘定日, payer name and code, raw bytes kept`, () => {
    const file = transferNotice(transfers, { crlf });
    const result = parseZengin(file, TODAY);
    if (!result.ok) throw new Error(JSON.stringify(result.faults));
    assert.is(result.kind, '01');
    assert.equal(result.deposits.map((d) => [d.line, d.inquiryNumber, d.valueDate, d.amount, d.payerName, d.payerCode]), [
      [2, '000001', '2026-04-15', 329_780, 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ', ''],
      [3, '000002', '2026-04-16', 550_000, 'ｽｽﾞｷｺｳｷﾞﾖｳ(ｶ', '1234567890'],
    ]);
    const raw = Buffer.from(result.deposits[0]!.raw, 'base64');
    assert.equal([...raw], [...file.subarray(crlf ? 202 : 200, crlf ? 402 : 400)]);
  });
}

test('入出金取引明細 (種別 03): credits become deposits, debits are left out, totals checked', () => {
  const result = parseZengin(transactionDetail(transfers, { debits: [10_000] }), TODAY);
  if (!result.ok) throw new Error(JSON.stringify(result.faults));
  assert.is(result.kind, '03');
  assert.equal(result.deposits.map((d) => [d.source, d.inquiryNumber, d.amount]), [['zengin03', '00000001', 329_780], ['zengin03', '00000002', 550_000]]);
});

test('a bad amount: the fault names the line, the byte range and the field; nothing is parsed', () => {
  const file = transferNotice(transfers);
  file.write('00003X9780', 200 + 19, 'latin1');
  const result = parseZengin(file, TODAY);
  assert.is(result.ok, false);
  if (result.ok) return;
  assert.equal(result.faults.map((f) => [f.line, f.bytes, f.field]), [[2, '20-29', '金額'], [4, '8-19', '振込合計金額']]);
  assert.match(result.faults[0]!.message, /2 行目 20〜29 バイト目（金額）/);
});

test('a short record and a wrong line break are refused with the line', () => {
  const short = transferNotice(transfers).subarray(0, 799);
  const r1 = parseZengin(short, TODAY);
  assert.ok(!r1.ok && r1.faults[0]!.field === 'レコード長');
  const lfOnly = transferNotice(transfers, { crlf: true });
  lfOnly[202 + 200] = 0x20;
  const r2 = parseZengin(lfOnly, TODAY);
  assert.ok(!r2.ok && r2.faults[0]!.line === 2 && r2.faults[0]!.field === '改行');
});

test('internet-banking CSV in Shift_JIS: quoted cells, thousands separators, 振込 prefix, withdrawals skipped', () => {
  const csv = encodeShiftJis('"日付","摘要","支払い金額","預かり金額","差引残高"\r\n"2026/4/15","振込　ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ","","329,780","1,329,780"\r\n"2026/4/16","カード","5,000","","1,324,780"\r\n');
  const result = parseBankCsv(csv, { date: 0, payer: 1, amount: 3 });
  if (!result.ok) throw new Error(JSON.stringify(result.faults));
  assert.equal(result.deposits.map((d) => [d.line, d.valueDate, d.amount, d.payerName]), [[2, '2026-04-15', 329_780, 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ']]);
  assert.is(Buffer.from(result.deposits[0]!.raw, 'base64').toString('utf8'), '"2026/4/15","振込　ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ","","329,780","1,329,780"');
});

test('CSV in UTF-8 with BOM; a bad date names the row and column', () => {
  const good = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('年月日,お引出し,お預入れ,お取り扱い内容\n2026-04-15,,"1,100",ヤマダショウカイ\n')]);
  const ok = parseBankCsv(good, { date: 0, amount: 2, payer: 3 });
  assert.ok(ok.ok && ok.deposits[0]!.amount === 1100 && ok.deposits[0]!.payerName === 'ヤマダショウカイ');
  const bad = parseBankCsv(Buffer.from('日付,入金,名義\n2026/13/01,100,ﾔﾏﾀﾞ\n'), { date: 0, amount: 1, payer: 2 });
  assert.ok(!bad.ok);
  if (!bad.ok) assert.equal([bad.faults[0]!.line, bad.faults[0]!.field], [2, '日付（1列目）']);
});

test('a bad file is a problem naming line, bytes and field, and appends nothing', async () => {
  const file = transferNotice(transfers);
  file.write('ABCDEF', 200 + 7, 'latin1');
  try {
    parseBankFile({ fileName: 'x.txt', format: 'zengin', content: file.toString('base64') }, TODAY);
    assert.unreachable('a bad file was accepted');
  } catch (error) {
    assert.instance(error, DomainError);
    const e = error as DomainError;
    assert.is(e.code, 'validation_failed');
    assert.match(e.message, /1 件も取り込んでいません/);
    assert.is(e.errors[0]!.field, 'content.line2.bytes8-13.勘定日');
    assert.equal((e.extensions.fileFaults as { line: number }[])[0]!.line, 2);
  }
});

test('importing the same file, or a file repeating one of its lines, appends nothing twice', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-bank-import-')), 'e.db'));
  try {
    const context = { actor: 'user:finance', correlationId: 'c-1' };
    const file = transferNotice(transfers);
    const parsed = parseBankFile({ fileName: 'a.txt', format: 'zengin', content: file.toString('base64') }, TODAY);
    const first = await importDeposits(events, 'a.txt', parsed, context);
    assert.equal([first.records, first.imported, first.alreadyImported], [2, 2, 0]);
    const again = await importDeposits(events, 'a.txt', parsed, context);
    assert.equal([again.imported, again.alreadyImported], [0, 2]);
    assert.equal(again.depositIds, first.depositIds);
    const overlapping = parseBankFile({ fileName: 'b.txt', format: 'zengin', content: transferNotice([transfers[1]!, { date: '2026-04-17', amount: 1_000, payerName: 'ﾀﾅｶ', inquiryNumber: 3 }].map((t, i) => ({ ...t, inquiryNumber: i + 2 }))).toString('base64') }, TODAY);
    const third = await importDeposits(events, 'b.txt', overlapping, context);
    assert.equal([third.imported, third.alreadyImported], [1, 1]);
    const all = (await events.readAll({ maxCount: 100 })).filter((e) => e.type === 'DepositImported');
    assert.is(all.length, 3);
  } finally {
    await events.close();
  }
});

test('two identical rows without a 照会番号 are two deposits (two transfers alike), each imported once however often the file comes', async () => {
  const events = openSqliteEventStore(join(mkdtempSync(join(tmpdir(), 'sss-bank-import-')), 'e.db'));
  try {
    const context = { actor: 'user:finance', correlationId: 'c-2' };
    const row = '2026/4/15,ﾀﾅｶ ﾀﾛｳ,10000';
    const csv = (rows: string[]) => ({ fileName: 'nyukin.csv', format: 'csv' as const, content: Buffer.from(['日付,振込依頼人,入金額', ...rows, ''].join('\r\n'), 'utf8').toString('base64'), csvMapping: { date: 0, payer: 1, amount: 2 } });
    const twice = parseBankFile(csv([row, row]), TODAY);
    const first = await importDeposits(events, 'nyukin.csv', twice, context);
    assert.equal([first.records, first.imported, first.alreadyImported], [2, 2, 0], 'the second transfer of the same day, payer and amount is not lost');
    assert.is(new Set(first.depositIds).size, 2);
    const again = await importDeposits(events, 'nyukin.csv', twice, context);
    assert.equal([again.imported, again.alreadyImported, again.depositIds], [0, 2, first.depositIds]);
    // An export of a window holding only one of them finds the first.
    const once = await importDeposits(events, 'nyukin-0415.csv', parseBankFile(csv([row]), TODAY), context);
    assert.equal([once.imported, once.depositIds], [0, [first.depositIds[0]]]);
  } finally {
    await events.close();
  }
});

test('property: a deposit has the same id in any file that carries its record, and distinct records distinct ids', () => {
  const transfer = fc.record({ inquiryNumber: fc.integer({ min: 1, max: 999_999 }), amount: fc.integer({ min: 1, max: 9_999_999_999 }), payerName: fc.constantFrom('ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ', 'ｽｽﾞｷ(ｶ', 'ﾀﾅｶ ﾀﾛｳ'), day: fc.integer({ min: 1, max: 28 }) });
  assertProperty(
    fc.property(fc.uniqueArray(transfer, { minLength: 1, maxLength: 8, selector: (t) => t.inquiryNumber }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (list, keep) => {
      const asTransfers = list.map((t) => ({ ...t, date: `2026-04-${String(t.day).padStart(2, '0')}` }));
      const idsOf = (file: Buffer) => {
        const r = parseZengin(file, TODAY);
        if (!r.ok) throw new Error(JSON.stringify(r.faults));
        return r.deposits.map((d) => depositIdOf(d.source, d.inquiryNumber, d.raw));
      };
      const all = idsOf(transferNotice(asTransfers));
      assert.is(new Set(all).size, all.length);
      const subset = asTransfers.filter((_, i) => keep[i]);
      if (subset.length) assert.equal(idsOf(transferNotice(subset, { crlf: true })), all.filter((_, i) => keep[i]));
    }),
    { numRuns: 100 },
  );
});

test.run();
