import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nextSort, queryFromSearch, searchFromQuery } from '../src/companies/listParams.ts';

test('the URL round-trips the list state; defaults stay out of the URL', () => {
  const query = queryFromSearch(new URLSearchParams('q=山田&customer=true&active=true&sort=-code&page=3'));
  assert.equal(query, { q: '山田', customer: true, active: true, sort: '-code', page: 3, pageSize: 20 });
  assert.is(searchFromQuery(query).toString(), new URLSearchParams('q=山田&customer=true&active=true&sort=-code&page=3').toString());
  assert.is(searchFromQuery(queryFromSearch(new URLSearchParams(''))).toString(), '');
});

test('nonsense in the URL falls back to defaults', () => {
  const query = queryFromSearch(new URLSearchParams('sort=drop&page=-2&customer=yes'));
  assert.is(query.sort, 'kana');
  assert.is(query.page, 1);
  assert.is(query.customer, undefined);
});

test('clicking a column sorts ascending, again descending', () => {
  assert.is(nextSort('kana', 'code'), 'code');
  assert.is(nextSort('code', 'code'), '-code');
  assert.is(nextSort('-code', 'code'), 'code');
});

test.run();
