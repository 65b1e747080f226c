import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DomainError } from '@sss/contracts/http/problem';
import { problemFor } from '../src/server-kit.ts';

// Issue #11: `{ status: 'confirmed' }` from an order decider overwrote the HTTP status and answered 500.
test('a domain error extension cannot change status, type, title or code', () => {
  const problem = problemFor(new DomainError('illegal_transition', '確定済みの受注は取り消せません。', [], { status: 'confirmed', type: 'x', title: 'y', code: 'internal', currentStatus: 'confirmed' }));
  assert.is(problem.status, 409);
  assert.is(problem.code, 'illegal_transition');
  assert.is(problem.type, 'https://sss.example.jp/problems/illegal-transition');
  assert.is(problem.title, 'この状態ではその操作はできません');
  assert.is(problem.currentStatus, 'confirmed');
});

test('body-limit and media-type failures are their own problems', () => {
  assert.is(problemFor(Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' })).code, 'payload_too_large');
  const unsupported = problemFor(Object.assign(new Error('bad type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }));
  assert.is(unsupported.status, 415);
  assert.is(unsupported.code, 'unsupported_media_type');
});

test.run();
