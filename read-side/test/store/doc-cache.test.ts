import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DocCache } from '../../src/store/doc-cache.ts';

test('the cache keeps at most its budget of bytes, the least recently used going first', () => {
  const cache = new DocCache(100);
  cache.set('a', { _id: 'a' }, 40);
  cache.set('b', { _id: 'b' }, 40);
  assert.equal(cache.get('a'), { _id: 'a' }, 'a is now the most recently used');
  cache.set('c', { _id: 'c' }, 40);
  assert.is(cache.get('b'), undefined, 'b, least recently used, made room for c');
  assert.ok(cache.get('a') && cache.get('c'));
  cache.set('big', { _id: 'big' }, 101);
  assert.is(cache.get('big'), undefined, 'a document larger than the budget is not kept');
  assert.ok(cache.get('a') && cache.get('c'), 'and evicts nothing');
});

test('a replaced entry counts once; a prefix forgets a collection', () => {
  const cache = new DocCache(100);
  cache.set('x\u0000a', { _id: 'a' }, 60);
  cache.set('x\u0000a', { _id: 'a', v: 2 }, 60);
  cache.set('y\u0000b', { _id: 'b' }, 40);
  assert.equal(cache.get('x\u0000a'), { _id: 'a', v: 2 });
  assert.ok(cache.get('y\u0000b'), 'the replaced entry did not count twice');
  cache.deletePrefix('x\u0000');
  assert.is(cache.get('x\u0000a'), undefined);
  assert.ok(cache.get('y\u0000b'));
});

test.run();
