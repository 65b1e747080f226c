import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inRange, isNavigationKey, nextCell, rangeOf } from '../src/projects/grid/navigation.ts';
import { parseTsv, pasteWrites, toTsv } from '../src/projects/grid/tsv.ts';
import { checkEffort, checkYen } from '../src/projects/grid/cellInput.ts';
import { normalizeNumber } from '../src/lib/numberInput.ts';

const size = { rows: 3, cols: 4 };

test('arrows move one cell and stop at the edges', () => {
  assert.equal(nextCell({ row: 1, col: 1 }, 'ArrowRight', false, size), { row: 1, col: 2 });
  assert.equal(nextCell({ row: 1, col: 1 }, 'ArrowLeft', false, size), { row: 1, col: 0 });
  assert.equal(nextCell({ row: 1, col: 1 }, 'ArrowUp', false, size), { row: 0, col: 1 });
  assert.equal(nextCell({ row: 1, col: 1 }, 'ArrowDown', false, size), { row: 2, col: 1 });
  assert.equal(nextCell({ row: 0, col: 0 }, 'ArrowUp', false, size), { row: 0, col: 0 });
  assert.equal(nextCell({ row: 0, col: 0 }, 'ArrowLeft', false, size), { row: 0, col: 0 });
  assert.equal(nextCell({ row: 2, col: 3 }, 'ArrowDown', false, size), { row: 2, col: 3 });
  assert.equal(nextCell({ row: 2, col: 3 }, 'ArrowRight', false, size), { row: 2, col: 3 });
});

test('Tab walks the row and wraps; leaving the grid hands focus back to the page', () => {
  assert.equal(nextCell({ row: 0, col: 2 }, 'Tab', false, size), { row: 0, col: 3 });
  assert.equal(nextCell({ row: 0, col: 3 }, 'Tab', false, size), { row: 1, col: 0 });
  assert.equal(nextCell({ row: 1, col: 0 }, 'Tab', true, size), { row: 0, col: 3 });
  assert.is(nextCell({ row: 2, col: 3 }, 'Tab', false, size), null);
  assert.is(nextCell({ row: 0, col: 0 }, 'Tab', true, size), null);
});

test('Enter moves down (Shift+Enter up), Home/End go to the row ends', () => {
  assert.equal(nextCell({ row: 0, col: 2 }, 'Enter', false, size), { row: 1, col: 2 });
  assert.equal(nextCell({ row: 1, col: 2 }, 'Enter', true, size), { row: 0, col: 2 });
  assert.equal(nextCell({ row: 2, col: 2 }, 'Enter', false, size), { row: 2, col: 2 });
  assert.equal(nextCell({ row: 1, col: 2 }, 'Home', false, size), { row: 1, col: 0 });
  assert.equal(nextCell({ row: 1, col: 0 }, 'End', false, size), { row: 1, col: 3 });
});

test('an empty grid has nowhere to go; other keys are not navigation', () => {
  assert.is(nextCell({ row: 0, col: 0 }, 'ArrowDown', false, { rows: 0, cols: 4 }), null);
  assert.ok(isNavigationKey('Tab'));
  assert.not.ok(isNavigationKey('a'));
  assert.not.ok(isNavigationKey('Escape'));
});

test('a selection is the rectangle between anchor and focus, either way round', () => {
  const range = rangeOf({ row: 2, col: 3 }, { row: 0, col: 1 });
  assert.equal(range, { top: 0, left: 1, bottom: 2, right: 3 });
  assert.ok(inRange(range, { row: 1, col: 2 }));
  assert.not.ok(inRange(range, { row: 1, col: 0 }));
});

test('Excel clipboard text: CRLF rows, tabs, trailing line break, quoted cells', () => {
  assert.equal(parseTsv('1\t0.5\t\r\n0.2\t1\t0.3\r\n'), [['1', '0.5', ''], ['0.2', '1', '0.3']]);
  assert.equal(parseTsv('0.5'), [['0.5']]);
  assert.equal(parseTsv('a\nb\n'), [['a'], ['b']]);
  assert.equal(parseTsv('"x\ty"\t"say ""hi"""\r\n'), [['x\ty', 'say "hi"']]);
  assert.equal(parseTsv('"two\nlines"\t1'), [['two\nlines', '1']]);
  assert.equal(parseTsv(''), []);
  assert.equal(parseTsv(' 1 \t 2 '), [['1', '2']]);
});

test('a pasted block starts at the selection corner and is cut at the grid edge', () => {
  const writes = pasteWrites([['1', '2'], ['3', '4'], ['5', '6']], { top: 1, left: 2, bottom: 1, right: 2 }, size);
  assert.equal(writes, [
    { row: 1, col: 2, value: '1' },
    { row: 1, col: 3, value: '2' },
    { row: 2, col: 2, value: '3' },
    { row: 2, col: 3, value: '4' },
  ]);
});

test('one value pasted over a range fills the range', () => {
  const writes = pasteWrites([['0.5']], { top: 0, left: 1, bottom: 1, right: 2 }, size);
  assert.equal(writes.map((w) => `${w.row},${w.col}=${w.value}`), ['0,1=0.5', '0,2=0.5', '1,1=0.5', '1,2=0.5']);
  assert.equal(pasteWrites([], { top: 0, left: 0, bottom: 0, right: 0 }, size), []);
});

test('copying out of the grid gives Excel text that parses back', () => {
  const values = [['1', 'a\tb'], ['say "x"', '']];
  assert.equal(parseTsv(toTsv(values)), values);
});

test('effort cells: forgiving input, exact decimals, Japanese messages', () => {
  assert.equal(checkEffort('0.5'), { ok: true, value: '0.5' });
  assert.equal(checkEffort('０．５'), { ok: true, value: '0.5' });
  assert.equal(checkEffort('.25'), { ok: true, value: '0.25' });
  assert.equal(checkEffort('1.'), { ok: true, value: '1' });
  assert.equal(checkEffort(' '), { ok: true, value: '' });
  assert.equal(checkEffort('-1'), { ok: false, message: '工数にマイナスは入力できません' });
  assert.equal(checkEffort('0.125'), { ok: false, message: '工数は0〜999.99（小数2桁まで）で入力してください' });
  assert.equal(checkEffort('1000'), { ok: false, message: '工数は0〜999.99（小数2桁まで）で入力してください' });
  assert.equal(checkEffort('abc'), { ok: false, message: '工数は数値で入力してください（例: 0.5）' });
  assert.equal(checkEffort('1.2.3'), { ok: false, message: '工数は数値で入力してください（例: 0.5）' });
});

test('yen cells: separators and ¥ from Excel are fine; negatives and fractions are not', () => {
  assert.is(normalizeNumber('¥1,200,000'), '1200000');
  assert.equal(checkYen('¥1,200,000', '原価'), { ok: true, value: '1200000' });
  assert.equal(checkYen('０８０', '原価'), { ok: true, value: '80' });
  assert.equal(checkYen('-5', '提示単価'), { ok: false, message: '提示単価にマイナスは入力できません' });
  assert.equal(checkYen('1.5', '原価'), { ok: false, message: '原価は円単位の整数で入力してください' });
  assert.equal(checkYen('', '原価'), { ok: false, message: '原価を入力してください' });
  assert.equal(checkYen('1234567890', '原価'), { ok: false, message: '原価は999,999,999円以下で入力してください' });
});

test.run();
