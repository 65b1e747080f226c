import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MAX_TITLE_LENGTH, shortenTitle } from '../../src/ringi/title.ts';

test('a title within 100 characters is kept as it is', () => {
  const title = `見積稟議 P-2026-0001 ${'案'.repeat(83)}`;
  assert.is(title.length, 100);
  assert.is(shortenTitle(title), title);
});

test('a 120-character project name gives a 100-character title ending in an ellipsis', () => {
  const title = `見積稟議 P-2026-0001 ${'販売管理システム刷新'.repeat(12)}`;
  const short = shortenTitle(title);
  assert.is(short.length, MAX_TITLE_LENGTH);
  assert.ok(short.endsWith('…'));
  assert.ok(title.startsWith(short.slice(0, -1)));
});

test('a surrogate pair or a combining sequence is never split', () => {
  const emoji = '𠮷'.repeat(60); // each is two UTF-16 units
  const short = shortenTitle(emoji);
  assert.ok(short.length <= MAX_TITLE_LENGTH);
  assert.not.match(short, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  const combining = 'か\u3099'.repeat(60); // が as base + combining mark
  const cut = shortenTitle(combining);
  assert.ok(cut.length <= MAX_TITLE_LENGTH);
  assert.is(cut.replace(/か\u3099/g, ''), '…');
});

test.run();
