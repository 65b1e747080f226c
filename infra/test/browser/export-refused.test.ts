/// <reference lib="dom" />
import * as assert from 'uvu/assert';
import type { Change, Doc } from '@sss/contracts/ports/read-store';
import { waitUntil } from '@sss/contracts/testing/wait-until';
import { ALL_ROWS_MAX } from '../../../read-side/src/http/all-rows.ts';
import { PROJECTS } from '../../../read-side/src/project/project-doc.ts';
import { browserSuite, screenshot, signIn } from '../support/browser.ts';

/**
 * An export past its row bound is refused with a 422 problem (read-side/src/http/all-rows.ts). Through a
 * bare `<a download>` that problem was saved as a JSON file; the person must read it on the page instead,
 * beside the link, and get no file. The bound is the production one: the read store is given one more
 * project than an export may hold, in the fields the list shows (a whole projected document each would
 * only cost memory).
 */
const test = browserSuite('browser: a refused export');

/** The fields the list and its filters read; the detail's grid and history are left out. */
const LIST_FIELDS = ['customer', 'customerKana', 'customerCompanyId', 'supervisingOrgUnit', 'supervisingOrgUnitId', 'accountingUnit', 'leader', 'leaderEmployeeId', 'salesInfo', 'startDate', 'endDate', 'statusLabel', 'pendingApproval', 'revenue', 'cost', 'grossProfit', 'grossMarginPercent', 'orderRingiNumber', 'updatedAt', 'revision', 'status'];

test('the 案件一覧 CSV past the bound shows the refusal on the page and saves nothing; narrowed, it downloads', async ({ sss, page }) => {
  const store = sss.readModels.store;
  const template = await waitUntil('a demo project in the read store', async () => (await store.find(PROJECTS, {}, { limit: 1 }))[0], { timeoutMs: 60_000 });
  const base = Object.fromEntries(LIST_FIELDS.map((field) => [field, template[field]]));
  const demoProjects = await store.count(PROJECTS, {});
  for (let from = 0; from <= ALL_ROWS_MAX; from += 5_000) {
    const changes: Change[] = [];
    for (let i = from; i < Math.min(from + 5_000, ALL_ROWS_MAX + 1); i++) {
      const doc: Doc = { ...base, _id: `bound-${i}`, id: `bound-${i}`, projectNumber: `2019${String(i).padStart(6, '0')}`, name: `境界案件${i}` };
      changes.push({ op: 'put', collection: PROJECTS, doc });
    }
    await store.apply(changes);
  }
  const total = demoProjects + ALL_ROWS_MAX + 1;

  const downloads: string[] = [];
  page.on('download', (download) => downloads.push(download.suggestedFilename()));
  await signIn(page, sss.url, 'sato@example.co.jp');
  await page.goto(`${sss.url}/projects`);
  await page.getByTestId('project-row').first().waitFor();
  await page.getByTestId('project-csv').click();
  const refusal = page.getByTestId('download-error');
  await refusal.waitFor();
  const message = (await refusal.textContent()) ?? '';
  assert.match(message, `対象が${total.toLocaleString('ja-JP')}件あり`);
  assert.match(message, `${ALL_ROWS_MAX.toLocaleString('ja-JP')}件を超えています`);
  assert.is(await refusal.getAttribute('data-code'), 'rule_violated');
  await screenshot(page, 'export-refused');
  assert.equal(downloads, [], 'the refusal is not saved as a file');

  // narrowed to the demo projects, the same link downloads the CSV and the refusal goes away
  await page.getByTestId('project-search').fill(String(template.name));
  await waitUntil('the list narrowed to the demo project', async () => (await page.getByTestId('project-row').count()) === 1 && !(await page.locator('.table-wrap.stale').count()), { timeoutMs: 15_000 });
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('project-csv').click()]);
  assert.is(csv.suggestedFilename(), '案件一覧.csv');
  assert.is(await refusal.count(), 0);
});

test.run();
