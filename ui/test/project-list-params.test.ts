import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { nextSort, queryFromSearch, searchFromQuery } from '../src/projects/listParams.ts';
import { manualTargets } from '../src/projects/statusActions.ts';

test('案件一覧: every filter round-trips through the URL; defaults stay out of it', () => {
  const url = 'q=基盤&status=ordered&customerCompanyId=c1&supervisingOrgUnitId=o1&leaderEmployeeId=u1&periodFrom=2025-04-01&periodTo=2025-09-30&sort=name&page=2';
  const query = queryFromSearch(new URLSearchParams(url));
  assert.equal(query, { sort: 'name', page: 2, pageSize: 20, q: '基盤', customerCompanyId: 'c1', supervisingOrgUnitId: 'o1', leaderEmployeeId: 'u1', status: 'ordered', periodFrom: '2025-04-01', periodTo: '2025-09-30' });
  assert.equal(Object.fromEntries(searchFromQuery(query)), Object.fromEntries(new URLSearchParams(url)));
  assert.is(searchFromQuery(queryFromSearch(new URLSearchParams(''))).toString(), '');
});

test('案件一覧: nonsense in the URL falls back to the defaults', () => {
  const query = queryFromSearch(new URLSearchParams('status=won&sort=drop&page=0&periodFrom=yesterday'));
  assert.is(query.status, undefined);
  assert.is(query.sort, '-projectNumber');
  assert.is(query.page, 1);
  assert.is(query.periodFrom, undefined);
  assert.is(nextSort('name', 'name'), '-name');
  assert.is(nextSort('-name', 'startDate'), 'startDate');
});

test('the status change dialog offers only what the machine allows', () => {
  assert.equal(manualTargets('proposing'), ['lost', 'cancelled']);
  assert.equal(manualTargets('ordered'), ['cancelled', 'completed']);
  assert.equal(manualTargets('estimate_in_ringi'), []);
  assert.equal(manualTargets('completed'), []);
});

test('the page size is one of 20/50/100, kept in the URL; anything else is the default', () => {
  assert.is(queryFromSearch(new URLSearchParams('pageSize=50')).pageSize, 50);
  assert.is(searchFromQuery(queryFromSearch(new URLSearchParams('pageSize=100&page=2'))).toString(), 'page=2&pageSize=100');
  assert.is(queryFromSearch(new URLSearchParams('pageSize=30')).pageSize, 20, 'a size not offered is not taken from a hand-edited URL');
  assert.is(searchFromQuery(queryFromSearch(new URLSearchParams('pageSize=20'))).get('pageSize'), null, 'the default stays out of links');
});

test.run();
