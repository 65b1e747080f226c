import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkText } from '../../src/domain/text-policy.ts';

test('refuses controls, DEL, bidi controls and lone surrogates, in every kind of field', () => {
  for (const bad of ['a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'abc\u202etxt', 'a\u2066b', 'a\ud800b', 'a\udc00b', 'a\u2028b', '\ufeffa']) {
    assert.is(checkText(bad).ok, false, JSON.stringify(bad));
    assert.is(checkText(bad, 'multiline').ok, false, JSON.stringify(bad));
  }
});

test('newline and tab only in multiline fields; CRLF becomes LF', () => {
  assert.is(checkText('a\nb').ok, false);
  assert.is(checkText('a\tb').ok, false);
  assert.equal(checkText('a\r\nb\tc', 'multiline'), { ok: true, value: 'a\nb\tc' });
});

test('stores NFC; emoji and Japanese pass', () => {
  assert.equal(checkText('Cafe\u0301'), { ok: true, value: 'Caf\u00e9' });
  assert.equal(checkText('株式会社テスト 😀'), { ok: true, value: '株式会社テスト 😀' });
});

test.run();
