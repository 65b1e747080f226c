import { DomainError, type FieldError } from '@sss/contracts/http/problem';
import { approvedVersionLabel, type EstimateApproval, type EstimateEvent, type RecordedEstimateContent } from '@sss/contracts/project/estimate-events';
import type { DraftEstimate, EditEstimateDraft, EstimateContent, IssueEstimate, ReviseEstimate } from '@sss/contracts/project/estimate-schemas';
import { TAX_CATEGORIES } from '@sss/contracts/project/estimate-schemas';
import { estimateAmounts } from '@sss/contracts/project/estimate-amounts';
import { EFFORT_PATTERN } from '@sss/contracts/project/fields';
import type { Decider, Decision } from '../kernel/decider.ts';
import type { CommandMeta } from './commands.ts';
import { dateErrors, failIfAny, orderErrors } from './validation.ts';
import { same } from '../kernel/same.ts';

/**
 * The Estimate (見積) aggregate, stream `estimate-<id>`: the priced offer behind a 見積書, kept as
 * versions. A version is a draft until issued; an issued version is what the customer holds and
 * never changes — a change is a new version (改訂), starting from the last issued content.
 *
 * A version is issued only once a 見積稟議 has approved it (EstimateVersionApproved), and an approved
 * version is locked: editing it makes the next version, which needs its own 稟議 before issue. So the
 * 見積書 the customer holds is always the content an approver saw (issue #11 item 10).
 *
 * One estimate per project (the handler uses the project id as the estimate id), so the 見積番号
 * can be derived without a counter: <案件番号>-<版 2桁>, e.g. 20250042-02.
 */

export type EstimateCommand =
  | { type: 'DraftEstimate'; estimateId: string; projectNumber: string; body: DraftEstimate; meta: CommandMeta }
  | { type: 'EditEstimateDraft'; body: EditEstimateDraft; meta: CommandMeta }
  | { type: 'IssueEstimate'; body: IssueEstimate; meta: CommandMeta }
  | { type: 'ReviseEstimate'; body: ReviseEstimate; meta: CommandMeta }
  /** From the 見積稟議's approval (project handlers): the version the request named. Idempotent per 稟議. */
  | { type: 'ApproveEstimateVersion'; version: number; approval: EstimateApproval; approvedAt: string };

export interface EstimateVersion {
  readonly version: number;
  readonly content: RecordedEstimateContent;
  readonly issued: { readonly estimateNumber: string; readonly issuedOn: string; readonly total: number } | null;
  readonly approval: EstimateApproval | null;
}

export interface EstimateState {
  readonly exists: boolean;
  readonly estimateId: string;
  readonly projectId: string;
  readonly projectNumber: string;
  readonly versions: readonly EstimateVersion[];
}

export const initialEstimateState: EstimateState = { exists: false, estimateId: '', projectId: '', projectNumber: '', versions: [] };

export function estimateNumberOf(projectNumber: string, version: number): string {
  return `${projectNumber}-${String(version).padStart(2, '0')}`;
}

const EFFORT = new RegExp(EFFORT_PATTERN);

function record(c: EstimateContent): RecordedEstimateContent {
  return {
    subject: c.subject,
    addressee: c.addressee,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    deliveryPlace: c.deliveryPlace ?? '',
    paymentTerms: c.paymentTerms,
    validUntil: c.validUntil,
    conditions: c.conditions ?? '',
    lines: c.lines.map((l) => ({ workItem: l.workItem, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, taxCategory: l.taxCategory })),
  };
}

function contentErrors(c: EstimateContent): FieldError[] {
  const errors: FieldError[] = [
    ...dateErrors({ periodStart: c.periodStart, periodEnd: c.periodEnd, validUntil: c.validUntil }, { periodStart: '作業期間（開始）', periodEnd: '作業期間（終了）', validUntil: '有効期限' }),
    ...orderErrors('periodStart', c.periodStart, 'periodEnd', c.periodEnd, '作業期間の終了は開始以降の日付にしてください。'),
  ];
  if (c.lines.length === 0) errors.push({ field: 'lines', message: '明細を1行以上入力してください。' });
  c.lines.forEach((l, i) => {
    if (!EFFORT.test(l.quantity)) errors.push({ field: `lines.${i}.quantity`, message: `${i + 1}行目の数量は0以上999.99以下、小数2桁までで入力してください。` });
    if (!Number.isSafeInteger(l.unitPrice)) errors.push({ field: `lines.${i}.unitPrice`, message: `${i + 1}行目の単価は円単位の整数で入力してください。` });
    if (!TAX_CATEGORIES.includes(l.taxCategory)) errors.push({ field: `lines.${i}.taxCategory`, message: `${i + 1}行目の税区分を選んでください。` });
  });
  if (errors.length === 0 && estimateAmounts(c.lines).subtotal < 0) {
    // A discount may lower the price, not turn the quotation into a payment to the customer.
    errors.push({ field: 'lines', message: '値引きの合計が見積金額を上回っています。' });
  }
  return errors;
}

const latest = (s: EstimateState) => s.versions[s.versions.length - 1]!;

function decide(command: EstimateCommand, state: EstimateState): Decision<EstimateEvent> {
  if (command.type === 'DraftEstimate') {
    if (state.exists) return new DomainError('already_exists', 'この見積は既に作成されています。');
    // One estimate per project is what makes the derived 見積番号 unique; refuse anything else.
    if (command.estimateId !== command.body.projectId) return new DomainError('rule_violated', '見積は案件ごとに1つです（見積IDは案件IDと同じにしてください）。');
    if (!/^\d{8}$/.test(command.projectNumber)) return DomainError.field('validation_failed', 'projectNumber', '案件番号が正しくありません。');
    const invalid = failIfAny(contentErrors(command.body.content));
    if (invalid) return invalid;
    const data = { estimateId: command.estimateId, projectId: command.body.projectId, projectNumber: command.projectNumber, version: 1, content: record(command.body.content) };
    return [{ type: 'EstimateDrafted', data }];
  }
  if (!state.exists) return new DomainError('not_found', '見積が見つかりません。');
  const current = latest(state);
  switch (command.type) {
    case 'ApproveEstimateVersion': {
      const target = state.versions.find((v) => v.version === command.version);
      if (!target) return DomainError.field('not_found', 'version', `第${command.version}版が見つかりません。`);
      // The same 稟議 applied twice (a retried outcome), or a version approved already: nothing new.
      if (target.approval) return [];
      return [{ type: 'EstimateVersionApproved', data: { estimateId: state.estimateId, version: target.version, ...command.approval, approvedAt: command.approvedAt } }];
    }
    case 'EditEstimateDraft': {
      if (current.issued) return new DomainError('illegal_transition', `第${current.version}版は発行済みのため編集できません。改訂して新しい版を作成してください。`);
      const invalid = failIfAny(contentErrors(command.body));
      if (invalid) return invalid;
      const content = record(command.body);
      if (same(content, current.content)) return [];
      if (current.approval) {
        // What an approver saw never changes: the edit becomes the next version, to be approved on its own.
        if (current.version >= 99) return new DomainError('rule_violated', '見積の版は99版までです。新しい見積を作成してください。');
        const reason = `${approvedVersionLabel(current.version, current.approval)}を編集したため新しい版にしました。`;
        return [{ type: 'EstimateRevised', data: { estimateId: state.estimateId, version: current.version + 1, basedOnVersion: current.version, reason, content } }];
      }
      return [{ type: 'EstimateDraftEdited', data: { estimateId: state.estimateId, version: current.version, content } }];
    }
    case 'IssueEstimate': {
      if (current.issued) return new DomainError('illegal_transition', `第${current.version}版は既に発行済みです。`);
      if (!current.approval) {
        return DomainError.field('illegal_transition', 'version', `第${current.version}版は見積稟議で承認されていないため発行できません。見積稟議を申請し、承認後に発行してください。`);
      }
      const { issuedOn } = command.body;
      const invalid =
        failIfAny(dateErrors({ issuedOn }, { issuedOn: '発行日' })) ??
        failIfAny(orderErrors('issuedOn', issuedOn, 'validUntil', current.content.validUntil, '有効期限が発行日より前です。有効期限を見直してください。'));
      if (invalid) return invalid;
      const { subtotal, tax, total } = estimateAmounts(current.content.lines);
      return [
        {
          type: 'EstimateIssued',
          data: {
            estimateId: state.estimateId,
            projectId: state.projectId,
            version: current.version,
            estimateNumber: estimateNumberOf(state.projectNumber, current.version),
            issuedOn,
            subtotal,
            tax,
            total,
            by: command.meta.actor,
            approval: current.approval,
          },
        },
      ];
    }
    case 'ReviseEstimate': {
      if (!current.issued) return new DomainError('illegal_transition', `第${current.version}版はまだ下書きです。改訂せずにそのまま編集してください。`);
      if (command.body.reason.trim() === '') return DomainError.field('validation_failed', 'reason', '改訂理由を入力してください。');
      if (current.version >= 99) return new DomainError('rule_violated', '見積の版は99版までです。新しい見積を作成してください。');
      return [
        {
          type: 'EstimateRevised',
          data: { estimateId: state.estimateId, version: current.version + 1, basedOnVersion: current.version, reason: command.body.reason, content: current.content },
        },
      ];
    }
  }
}

function evolve(state: EstimateState, event: EstimateEvent): EstimateState {
  switch (event.type) {
    case 'EstimateDrafted': {
      const { estimateId, projectId, projectNumber, version, content } = event.data;
      return { exists: true, estimateId, projectId, projectNumber, versions: [{ version, content, issued: null, approval: null }] };
    }
    case 'EstimateDraftEdited':
      return { ...state, versions: state.versions.map((v) => (v.version === event.data.version ? { ...v, content: event.data.content } : v)) };
    case 'EstimateIssued': {
      const { version, estimateNumber, issuedOn, total } = event.data;
      return { ...state, versions: state.versions.map((v) => (v.version === version ? { ...v, issued: { estimateNumber, issuedOn, total } } : v)) };
    }
    case 'EstimateRevised':
      return { ...state, versions: [...state.versions, { version: event.data.version, content: event.data.content, issued: null, approval: null }] };
    case 'EstimateVersionApproved': {
      const { version, ringiId, ringiNumber } = event.data;
      return { ...state, versions: state.versions.map((v) => (v.version === version ? { ...v, approval: { ringiId, ringiNumber } } : v)) };
    }
  }
}

export const estimateDecider: Decider<EstimateCommand, EstimateEvent, EstimateState> = { decide, evolve, initialState: initialEstimateState };
