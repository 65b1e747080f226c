import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { approvedVersionLabel, type EstimateEvent, type RecordedEstimateContent } from '@sss/contracts/project/estimate-events';
import type { EstimateContent } from '@sss/contracts/project/estimate-schemas';
import { estimateAmounts } from '@sss/contracts/project/estimate-amounts';
import { TAX_CATEGORIES } from '@sss/contracts/project/estimate-schemas';
import fc from 'fast-check';
import { assertProperty } from '@sss/contracts/testing/property-seed';
import Big from 'big.js';
import { spec } from '../../src/kernel/spec.ts';
import { estimateDecider, estimateNumberOf, type EstimateCommand } from '../../src/project/estimate-decider.ts';
import { meta } from './fixtures.ts';

/** 見積: draft, edit, issue (見積番号 and frozen amounts), revise into a new version. */

const estimate = spec(estimateDecider);

const content: EstimateContent = {
  subject: '基幹システム刷新 要件定義支援',
  addressee: '株式会社アクメ',
  periodStart: '2025-04-01',
  periodEnd: '2025-09-30',
  paymentTerms: '月末締め翌月末払い',
  validUntil: '2025-04-30',
  lines: [
    { workItem: 'PM', quantity: '1.5', unit: '人月', unitPrice: 1_200_000, taxCategory: 'standard_10' },
    { workItem: 'SE', quantity: '1', unit: '人月', unitPrice: 900_000, taxCategory: 'standard_10' },
    { workItem: '出精値引き', quantity: '1', unit: '式', unitPrice: -33_333, taxCategory: 'standard_10' },
  ],
};
const recorded: RecordedEstimateContent = { ...content, deliveryPlace: '', conditions: '' };

const draft: EstimateCommand = { type: 'DraftEstimate', estimateId: 'p-1', projectNumber: '20250042', body: { projectId: 'p-1', content }, meta };
const drafted: EstimateEvent = { type: 'EstimateDrafted', data: { estimateId: 'p-1', projectId: 'p-1', projectNumber: '20250042', version: 1, content: recorded } };
const issue = (issuedOn = '2025-04-02'): EstimateCommand => ({ type: 'IssueEstimate', body: { issuedOn }, meta });
const issued: EstimateEvent = {
  type: 'EstimateIssued',
  data: { estimateId: 'p-1', projectId: 'p-1', version: 1, estimateNumber: '20250042-01', issuedOn: '2025-04-02', subtotal: 2_666_667, tax: 266_666, total: 2_933_333, by: meta.actor },
};
const revise: EstimateCommand = { type: 'ReviseEstimate', body: { reason: '期間延長' }, meta };
const approval = { ringiId: 'r-1', ringiNumber: 'R-0042' };
const approvedV = (version: number, a = approval): EstimateEvent => ({ type: 'EstimateVersionApproved', data: { estimateId: 'p-1', version, ...a, approvedAt: '2025-04-01T09:00:00Z' } });
/** An issue of an approved version records the 稟議 (`issued` above is how versions issued before that rule look). */
const issuedApproved: EstimateEvent = { ...issued, data: { ...issued.data, approval } } as EstimateEvent;

test('amounts: lines rounded half-up, tax once per rate, rounded down', () => {
  const a = estimateAmounts(content.lines);
  assert.equal(a.lines.map((l) => l.amount), [1_800_000, 900_000, -33_333]);
  assert.equal(a.byRate, [{ taxCategory: 'standard_10', ratePercent: 10, subtotal: 2_666_667, tax: 266_666 }]);
  assert.is(a.total, 2_933_333);
  const mixed = estimateAmounts([
    { workItem: 'a', quantity: '0.33', unit: '人月', unitPrice: 1_000_001, taxCategory: 'standard_10' },
    { workItem: 'b', quantity: '3', unit: '個', unitPrice: 333, taxCategory: 'reduced_8' },
    { workItem: 'c', quantity: '1', unit: '式', unitPrice: 5_000, taxCategory: 'exempt' },
  ]);
  assert.equal(mixed.byRate.map((r) => [r.taxCategory, r.subtotal, r.tax]), [['standard_10', 330_000, 33_000], ['reduced_8', 999, 79], ['exempt', 5_000, 0]]);
  assert.is(mixed.total, mixed.subtotal + mixed.tax);
});

test('property: the sheet adds up — lines to subtotals, subtotals and taxes to the total; tax never exceeds the exact tax', () => {
  const lineArb = fc.record({
    workItem: fc.constant('w'),
    quantity: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([i, f]) => `${i}.${String(f).padStart(2, '0')}`),
    unit: fc.constant('人月'),
    unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
    taxCategory: fc.constantFrom(...TAX_CATEGORIES),
  });
  assertProperty(
    fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), (lines) => {
      const a = estimateAmounts(lines);
      assert.is(a.lines.reduce((s, l) => s + l.amount, 0), a.subtotal);
      assert.is(a.byRate.reduce((s, r) => s + r.subtotal, 0), a.subtotal);
      assert.is(a.subtotal + a.tax, a.total);
      for (const r of a.byRate) {
        const exact = new Big(r.subtotal).times(r.ratePercent).div(100);
        assert.ok(exact.minus(r.tax).gte(0) && exact.minus(r.tax).lt(1), `tax ${r.tax} vs ${exact.toString()}`);
      }
    }),
  );
});

test('drafting records version 1 with optional texts filled in', () => {
  estimate.given([]).when(draft).then([drafted]);
});

test('drafting twice, or drafting with a bad project number, is refused', () => {
  estimate.given([drafted]).when(draft).thenFails('already_exists');
  estimate.given([]).when({ ...draft, projectNumber: '42' } as EstimateCommand).thenFails('validation_failed', 'projectNumber');
  estimate.given([]).when({ ...draft, estimateId: 'e-2' } as EstimateCommand).thenFails('rule_violated');
});

test('bad content is refused with the field', () => {
  const bad = (c: Partial<EstimateContent>): EstimateCommand => ({ ...draft, body: { projectId: 'p-1', content: { ...content, ...c } } }) as EstimateCommand;
  estimate.given([]).when(bad({ periodEnd: '2025-03-31' })).thenFails('validation_failed', 'periodEnd');
  estimate.given([]).when(bad({ lines: [] })).thenFails('validation_failed', 'lines');
  estimate.given([]).when(bad({ lines: [{ ...content.lines[0]!, quantity: '-1' }] })).thenFails('validation_failed', 'lines.0.quantity');
  estimate.given([]).when(bad({ lines: [{ ...content.lines[0]!, unitPrice: 0.5 }] })).thenFails('validation_failed', 'lines.0.unitPrice');
  estimate.given([]).when(bad({ lines: [{ ...content.lines[2]! }] })).thenFails('validation_failed', 'lines');
  estimate.given([]).when(bad({ validUntil: '2025-02-29' })).thenFails('validation_failed', 'validUntil');
});

test('a draft can be edited; an unchanged edit records nothing', () => {
  const next = { ...content, subject: '要件定義支援（改）' };
  estimate.given([drafted]).when({ type: 'EditEstimateDraft', body: next, meta }).then([{ type: 'EstimateDraftEdited', data: { estimateId: 'p-1', version: 1, content: { ...recorded, subject: '要件定義支援（改）' } } }]);
  estimate.given([drafted]).when({ type: 'EditEstimateDraft', body: content, meta }).thenNothing();
});

test('issuing gives the 見積番号 and freezes the amounts', () => {
  estimate.given([drafted, approvedV(1)]).when(issue()).then([issuedApproved]);
  assert.is(estimateNumberOf('20250042', 12), '20250042-12');
});

test('issuing after the validity date is refused on the validity date', () => {
  estimate.given([drafted, approvedV(1)]).when(issue('2025-05-01')).thenFails('validation_failed', 'validUntil');
  estimate.given([drafted, approvedV(1)]).when(issue('2025-13-01')).thenFails('validation_failed', 'issuedOn');
});

test('an issued version can be neither edited nor issued again', () => {
  estimate.given([drafted, issued]).when({ type: 'EditEstimateDraft', body: content, meta }).thenFails('illegal_transition');
  estimate.given([drafted, issued]).when(issue()).thenFails('illegal_transition');
});

test('revising starts version 2 from the issued content; it is then issued with its own number', () => {
  estimate.given([drafted, issued]).when(revise).then([{ type: 'EstimateRevised', data: { estimateId: 'p-1', version: 2, basedOnVersion: 1, reason: '期間延長', content: recorded } }]);
  const revised: EstimateEvent = { type: 'EstimateRevised', data: { estimateId: 'p-1', version: 2, basedOnVersion: 1, reason: '期間延長', content: recorded } };
  estimate.given([drafted, issued, revised]).when(issue('2025-04-10')).thenFails('illegal_transition', 'version');
  estimate.given([drafted, issued, revised, approvedV(2, { ringiId: 'r-2', ringiNumber: 'R-0043' })]).when(issue('2025-04-10')).thenEvents((events) => {
    const e = events[0];
    assert.ok(e?.type === 'EstimateIssued');
    assert.equal([e.data.version, e.data.estimateNumber], [2, '20250042-02']);
  });
});

test('a 見積稟議 approves a version once; only an approved version is issued, and the issue names the 稟議', () => {
  estimate.given([drafted]).when(issue()).thenFails('illegal_transition', 'version');
  estimate.given([drafted]).when({ type: 'ApproveEstimateVersion', version: 1, approval, approvedAt: '2025-04-01T09:00:00Z' }).then([approvedV(1)]);
  estimate.given([drafted, approvedV(1)]).when({ type: 'ApproveEstimateVersion', version: 1, approval, approvedAt: '2025-04-01T09:00:00Z' }).thenNothing();
  estimate.given([drafted]).when({ type: 'ApproveEstimateVersion', version: 3, approval, approvedAt: '2025-04-01T09:00:00Z' }).thenFails('not_found', 'version');
  assert.is(approvedVersionLabel(2, { ringiId: 'r', ringiNumber: 'R-0043' }), '第2版（稟議 R-0043 承認済）');
});

test('an approved version is locked: an edit makes the next version, which must be approved on its own before issue', () => {
  const next = { ...content, subject: '要件定義支援（改）' };
  estimate.given([drafted, approvedV(1)]).when({ type: 'EditEstimateDraft', body: next, meta }).thenEvents(([e]) => {
    assert.ok(e?.type === 'EstimateRevised');
    assert.equal([e.data.version, e.data.basedOnVersion, e.data.content.subject], [2, 1, '要件定義支援（改）']);
    assert.match(e.data.reason, /第1版（稟議 R-0042 承認済）/);
  });
  estimate.given([drafted, approvedV(1)]).when({ type: 'EditEstimateDraft', body: content, meta }).thenNothing();
  const edited: EstimateEvent = { type: 'EstimateRevised', data: { estimateId: 'p-1', version: 2, basedOnVersion: 1, reason: '編集', content: { ...recorded, subject: '要件定義支援（改）' } } };
  estimate.given([drafted, approvedV(1), edited]).when(issue()).thenFails('illegal_transition', 'version');
});

test('a draft cannot be revised, a revision needs a reason, and a missing estimate answers not_found', () => {
  estimate.given([drafted]).when(revise).thenFails('illegal_transition');
  estimate.given([drafted, issued]).when({ type: 'ReviseEstimate', body: { reason: ' ' }, meta }).thenFails('validation_failed', 'reason');
  estimate.given([]).when(issue()).thenFails('not_found');
});

test.run();
