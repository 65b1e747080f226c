import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appLabels } from '../src/i18n/dictionary.ts';
import { historyLabels } from '../src/i18n/history.ts';
import { lookup, type Dictionary } from '../src/i18n/labels.ts';
import { accountingCategoryLabels, orgLabels, orgLevelLabels } from '../src/i18n/org.ts';
import { projectLabels } from '../src/i18n/projects.ts';
import { ringiDecisionLabels, ringiKindLabels, ringiLabels, ringiStatusLabels } from '../src/i18n/ringi.ts';
import { monthlySalesStatusLabels, salesLabels } from '../src/i18n/sales.ts';
import { userLabels } from '../src/i18n/users.ts';
import * as codes from '../src/i18n/codes.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const all: Record<string, Dictionary<string>> = { appLabels, historyLabels, orgLabels, orgLevelLabels, accountingCategoryLabels, projectLabels, ringiLabels, ringiKindLabels, ringiStatusLabels, ringiDecisionLabels, salesLabels, monthlySalesStatusLabels, userLabels, ...codes };

test('every dictionary has English for each Japanese key, with the same placeholders', () => {
  for (const [name, dictionary] of Object.entries(all)) {
    assert.equal(Object.keys(dictionary.en).sort(), Object.keys(dictionary.ja).sort(), name);
    for (const key of Object.keys(dictionary.ja)) assert.equal(placeholders(dictionary.en[key]!), placeholders(dictionary.ja[key]!), `${name}.${key}`);
  }
});

test('lookup fills placeholders and shows an unknown key as itself', () => {
  assert.is(lookup(projectLabels, 'ja', 'versionLabel', { version: 2 }), '第2版');
  assert.is(lookup(projectLabels, 'en', 'listTitle'), 'Projects');
  assert.is(lookup(historyLabels as Dictionary<string>, 'ja', 'CompanyMerged'), 'CompanyMerged');
  assert.is(lookup(appLabels, 'ja', 'home.welcome'), 'ようこそ、{name} さん');
});

test.run();
