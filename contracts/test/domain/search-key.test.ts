import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { foldForSearch, searchKeyOf } from '../../src/domain/search-key.ts';

const matches = (query: string, ...parts: string[]) => searchKeyOf(...parts).includes(foldForSearch(query));

test('katakana, hiragana and half-width kana fold to one form', () => {
  assert.is(foldForSearch('カブシキ'), 'かぶしき');
  assert.is(foldForSearch('かぶしき'), 'かぶしき');
  assert.is(foldForSearch('ｶﾌﾞｼｷ'), 'かぶしき');
  assert.is(foldForSearch('ヴ'), 'ゔ');
});

test('small kana, long-vowel marks, width, case and spaces fold', () => {
  assert.is(foldForSearch('キャッシュ'), foldForSearch('きやつしゆ'));
  assert.is(foldForSearch('ｻｰﾋﾞｽ'), foldForSearch('サ-ビス'));
  assert.is(foldForSearch('サ〜ビス'), foldForSearch('サービス'));
  assert.is(foldForSearch('ＡＢＣ　Ｓｙｓｔｅｍｓ'), 'abcsystems');
  assert.is(foldForSearch('株式会社 山田'), '株式会社山田');
});

test('カブシキ / かぶしき / ｶﾌﾞｼｷ all find the same company by its kana', () => {
  for (const query of ['カブシキ', 'かぶしき', 'ｶﾌﾞｼｷ']) assert.ok(matches(query, '株式会社テスト', 'カブシキガイシャテスト', 'C-0001'), query);
  assert.not.ok(matches('カブシキ', '有限会社テスト', 'ユウゲンガイシャテスト'));
});

test('a hit never spans two parts of a key, and missing parts are skipped', () => {
  assert.not.ok(matches('テストc', 'テスト', 'C-0001'));
  assert.is(searchKeyOf('A', null, undefined, '', 'B'), 'a\nb');
});

test.run();
