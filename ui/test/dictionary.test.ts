import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { en, ja } from '../src/i18n/dictionary.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('English has every Japanese key and the same placeholders', () => {
  for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
    assert.type(en[key], 'string', key);
    assert.equal(placeholders(en[key]), placeholders(ja[key]), key);
  }
  assert.is(Object.keys(en).length, Object.keys(ja).length);
});

test.run();
