import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatDate, formatDateTime } from '../src/lib/format.ts';
import { formatYen } from '@sss/contracts/domain/money';

test('yen amounts carry the yen sign and thousands separators', () => {
  assert.is(formatYen(1234567), '¥1,234,567');
  assert.is(formatYen(0), '¥0');
  assert.is(formatYen(-5000), '-¥5,000');
  assert.is(formatYen(null), '—');
});

test('dates are written the Japanese business way', () => {
  assert.is(formatDate('2025-04-01'), '2025/04/01');
  assert.is(formatDate(null), '—');
  assert.match(formatDateTime('2025-04-01T00:30:00Z'), /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);
});

test.run();
