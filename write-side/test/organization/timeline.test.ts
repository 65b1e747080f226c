import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { OrgChange } from '@sss/contracts/organization/schemas';
import { applyOrgChanges, isActiveOn, pathOn, versionOn } from '@sss/contracts/organization/timeline';

/** "Which unit was this then?": versions on [from, to), several changes on one date fold into one version. */

const create = (unitId: string, parentId: string | null, name: string): OrgChange => ({ kind: 'create', unitId, code: unitId.toUpperCase(), name, kana: 'カナ', level: parentId ? 'group' : 'division', accountingCategory: 'sga', sortOrder: 1, parentId });
let units = applyOrgChanges(new Map(), [create('d1', null, '第1事業部'), create('d2', null, '第2事業部'), create('g', 'd1', 'Aグループ')], '2020-04-01');
units = applyOrgChanges(units, [{ kind: 'rename', unitId: 'g', name: 'Bグループ', kana: 'ビー' }, { kind: 'move', unitId: 'g', parentId: 'd2' }], '2023-10-01');
units = applyOrgChanges(units, [{ kind: 'dissolve', unitId: 'g' }], '2025-04-01');
const g = units.get('g')!;

test('before establishment there is no version', () => {
  assert.is(versionOn(g, '2020-03-31'), null);
  assert.not.ok(isActiveOn(g, '2020-03-31'));
});

test('a rename and a move on one date are one version; the day before still shows the old one', () => {
  assert.is(g.versions.length, 2);
  assert.is(versionOn(g, '2023-09-30')!.name, 'Aグループ');
  assert.equal(pathOn(units, 'g', '2023-09-30'), ['第1事業部', 'Aグループ']);
  assert.equal(pathOn(units, 'g', '2023-10-01'), ['第2事業部', 'Bグループ']);
});

test('a dissolved unit is inactive from its dissolution date and keeps its last name for later questions', () => {
  assert.ok(isActiveOn(g, '2025-03-31'));
  assert.not.ok(isActiveOn(g, '2025-04-01'));
  assert.is(g.dissolvedOn, '2025-04-01');
  assert.is(versionOn(g, '2030-01-01')!.name, 'Bグループ');
});

test.run();
