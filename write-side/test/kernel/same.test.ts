import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { same } from '../../src/kernel/same.ts';

/** "Nothing changed" must not depend on the key order of stored events. */

test('objects equal regardless of key order, arrays by position', () => {
  assert.ok(same({ a: 1, b: { c: [1, 2], d: null } }, { b: { d: null, c: [1, 2] }, a: 1 }));
  assert.not.ok(same({ a: [1, 2] }, { a: [2, 1] }));
  assert.not.ok(same({ a: 1 }, { a: 1, b: undefined }));
  assert.not.ok(same({ a: null }, { a: {} }));
  assert.not.ok(same([], {}));
  assert.not.ok(same('1', 1));
});

test.run();
