import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeShiftJis, encodeShiftJis } from '../../src/finance/shift-jis.ts';
import { DATA_01, DATA_03, HEADER_01, HEADER_03, RECORD_BYTES, TRAILER_01, TRAILER_03, type FieldSpec } from '../../src/finance/zengin-layout.ts';
import { record, transactionDetail, transferNotice } from './zengin-fixture.ts';

/**
 * The fixture builder against the layout, field by field, and against records written out by hand below
 * (a ¥330,000 invoice paid with a ¥220 fee deducted; layouts in docs/zengin.md).
 */

const field = (bytes: Buffer, spec: FieldSpec) => decodeShiftJis(bytes.subarray(spec.start - 1, spec.start - 1 + spec.length));
const sp = (n: number) => ' '.repeat(n);

test('each layout covers 200 bytes with no gap and no overlap', () => {
  for (const layout of [HEADER_01, DATA_01, TRAILER_01, HEADER_03, DATA_03, TRAILER_03]) {
    let next = 1;
    for (const spec of layout) {
      assert.is(spec.start, next, `${spec.name} starts at ${spec.start}, expected ${next}`);
      next = spec.start + spec.length;
    }
    assert.is(next, RECORD_BYTES + 1);
  }
});

test('a 振込入金通知 data record: every field at its layout position, padded as 全銀 pads', () => {
  const bytes = record(DATA_01, { recordType: 2, inquiryNumber: 1, valueDate: '080415', startDate: '080415', amount: 329780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ', remitterBank: 'ﾃｽﾄｷﾞﾝｺｳ', remitterBranch: 'ｼﾝｼﾞﾕｸ', cancel: '0', ediInfo: 'INV20260415' });
  assert.is(bytes.length, 200);
  const expected: Record<string, string> = {
    recordType: '2', inquiryNumber: '000001', valueDate: '080415', startDate: '080415', amount: '0000329780', otherBankChecks: '0000000000', payerCode: '0000000000',
    payerName: `ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ${sp(37)}`, remitterBank: `ﾃｽﾄｷﾞﾝｺｳ${sp(7)}`, remitterBranch: `ｼﾝｼﾞﾕｸ${sp(9)}`, cancel: '0', ediInfo: `INV20260415${sp(9)}`, dummy: sp(52),
  };
  for (const spec of DATA_01) assert.is(field(bytes, spec), expected[spec.name], spec.label);
});

test('a hand-written 振込入金通知, byte for byte', () => {
  const hand = [
    `1010080415080415080415` + `9999ﾃｽﾄｷﾞﾝｺｳ${sp(7)}001ﾎﾝﾃﾝ${sp(11)}11234567ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ${sp(28)}${sp(93)}`,
    `2000001080415080415000032978000000000000000000000ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ${sp(37)}ﾃｽﾄｷﾞﾝｺｳ${sp(7)}ｼﾝｼﾞﾕｸ${sp(9)}0INV20260415${sp(9)}${sp(52)}`,
    `8000001000000329780000000000000000000${sp(163)}`,
    `9${sp(199)}`,
  ].map((line) => encodeShiftJis(line));
  for (const line of hand) assert.is(line.length, 200);
  const built = transferNotice([{ date: '2026-04-15', amount: 329780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ', ediInfo: 'INV20260415' }]);
  assert.equal([...built], [...Buffer.concat(hand)]);
});

test('a 入出金取引明細: header, credit, trailer and end records as the layout says, CR LF when asked', () => {
  const bytes = transactionDetail([{ date: '2026-04-15', amount: 329780, payerName: 'ｶ)ﾔﾏﾀﾞｼﾖｳｶｲ' }], { crlf: true });
  assert.is(bytes.length, 4 * 202);
  for (let i = 0; i < 4; i += 1) assert.equal([bytes[i * 202 + 200], bytes[i * 202 + 201]], [0x0d, 0x0a]);
  const header = bytes.subarray(0, 200);
  const data = bytes.subarray(202, 402);
  const trailer = bytes.subarray(404, 604);
  assert.is(field(header, HEADER_03.find((s) => s.name === 'accountNumber')!), '0001234567');
  assert.is(field(header, HEADER_03.find((s) => s.name === 'openingBalance')!), '00000001000000');
  assert.is(field(data, DATA_03.find((s) => s.name === 'inquiryNumber')!), '00000001');
  assert.is(field(data, DATA_03.find((s) => s.name === 'amount')!), '000000329780');
  assert.is(field(data, DATA_03.find((s) => s.name === 'summary')!), `ﾌﾘｺﾐ${sp(16)}`);
  assert.is(field(trailer, TRAILER_03.find((s) => s.name === 'creditTotal')!), '0000000329780');
  assert.is(field(trailer, TRAILER_03.find((s) => s.name === 'closingBalance')!), '00000001329780');
  assert.is(bytes.subarray(606, 606 + 16).toString('latin1'), '9000000000400001');
});

test('a value wider than its field is refused, never truncated', () => {
  assert.throws(() => record(DATA_01, { amount: 12_345_678_901 }), /does not fit N10/);
  assert.throws(() => record(DATA_01, { payerName: 'ｱ'.repeat(49) }), /more than C48/);
});

test.run();
