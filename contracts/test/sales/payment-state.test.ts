import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { paymentState } from '../../src/sales/payment-state.ts';

test('未入金, 一部入金, 入金済 follow what was received against the invoice', () => {
  assert.is(paymentState(1_353_000, 0), 'unpaid');
  assert.is(paymentState(1_353_000, 353_000), 'partial');
  assert.is(paymentState(1_353_000, 1_352_999), 'partial');
  assert.is(paymentState(1_353_000, 1_353_000), 'paid');
  assert.is(paymentState(0, 0), 'paid', 'a zero invoice has nothing left to pay');
});

test.run();
