import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import { MAX_JSON_DEPTH, parseJsonBody } from '../src/json-body.ts';

const refused = (body: string | Buffer) => {
  try {
    parseJsonBody(Buffer.isBuffer(body) ? body : Buffer.from(body));
  } catch (error) {
    assert.instance(error, DomainError);
    return (error as DomainError).errors[0]!.message;
  }
  throw new Error('accepted');
};

test('nesting deeper than the bound is refused before JSON.parse', () => {
  assert.match(refused('['.repeat(100_000) + ']'.repeat(100_000)), '深すぎます');
  assert.equal(parseJsonBody(Buffer.from('{"a":'.repeat(MAX_JSON_DEPTH - 1) + '1' + '}'.repeat(MAX_JSON_DEPTH - 1))) !== undefined, true);
  // brackets inside strings are text, not nesting
  const note = `${'['.repeat(40)}"\\`;
  assert.equal(parseJsonBody(Buffer.from(JSON.stringify({ note }))), { note });
});

test('invalid UTF-8 is refused, not turned into U+FFFD', () => {
  assert.match(refused(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), 'UTF-8');
});

test('__proto__ keys are refused; an empty body is no body', () => {
  assert.match(refused('{"a":{"__proto__":{"admin":true}}}'), 'JSON');
  assert.is(parseJsonBody(Buffer.alloc(0)), undefined);
});

test.run();
