import type { TenantShape } from './tenant-shape.ts';

/**
 * The simulator's in-memory world, in CollaboFlow's own vocabulary (this folder imitates the vendor,
 * so vendor words are right here). One `Tenant` per instance name, so parallel test files can each
 * have a private world on one running simulator.
 */

export type FlowStatus = 'draft' | 'flow' | 'decision' | 'reject' | 'remand' | 'takeback';
export type DetermStatus = 'undeterm' | 'accept' | 'reject' | 'skip' | 'remand' | '';

export interface SimUser {
  /** 32 upper-case hex digits, like the product's user ids. */
  readonly id: string;
  readonly loginid: string;
  readonly name: string;
  readonly email: string;
  readonly password: string;
  readonly groupCode: string;
  readonly titleName: string;
  /** May read every document (監査 / システム管理). */
  readonly auditor: boolean;
}

export interface SimGroup {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export type PartType = 'text' | 'textarea' | 'number' | 'money' | 'date' | 'attachment';

export interface SimPart {
  readonly id: string;
  readonly name: string;
  readonly type: PartType;
  readonly required: boolean;
}

export interface SimForm {
  readonly id: number;
  readonly version: number;
  readonly name: string;
  readonly parts: readonly SimPart[];
  /** Tables (明細) keyed by their title, each with the parts of one row. */
  readonly tables: Readonly<Record<string, readonly SimPart[]>>;
}

export interface SimPhase {
  /** 1..n */
  readonly number: number;
  readonly title: string;
  readonly judges: readonly string[];
  /** `all`: every judge must accept; `any`: the first acceptance decides and the others are skipped. */
  readonly rule: 'all' | 'any';
}

export interface SimRoute {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly category: { readonly id: number; readonly name: string };
  readonly form: SimForm;
  readonly numberPrefix: string;
  readonly phases: readonly SimPhase[];
  /** Who may apply on this route (login ids); empty = everyone. */
  readonly applicants: readonly string[];
  /** Tenant policy 決裁後の取消: may the applicant take back a decided document? */
  takebackAfterDecision: boolean;
  /** Route webhook URLs (経路のWebhook設定); mutable at runtime through the admin API. */
  webhooks: string[];
}

/** A decision someone took: the history rows of `determs`. */
export interface DetermRecord {
  readonly phaseNumber: number;
  readonly loginid: string;
  readonly status: Exclude<DetermStatus, 'undeterm' | ''>;
  readonly comment: string;
  readonly date: string;
}

/** Stored part values: scalars as given, tables as arrays of row objects. */
export type PartValue = string | number | Record<string, string | number>[];

export interface SimDocument {
  readonly id: number;
  number: string;
  readonly processesId: number;
  readonly appCd: number;
  title: string;
  /** Applicant. */
  readonly requestUser: string;
  /** Proxy applicant (代理申請者) when someone filed on the applicant's behalf. */
  readonly representUser: string | null;
  requestGroupCode: string;
  /** The applicant's reason when they took the document back. */
  takebackComment: string;
  status: FlowStatus;
  requestDate: string;
  endDate: string;
  modifiedDate: string;
  values: Record<string, PartValue>;
  /** 0 = with the applicant; 1..n = the phase awaiting a decision. */
  currentPhase: number;
  /** Judges of the current phase who already accepted in this round. */
  acceptedThisRound: string[];
  readonly history: DetermRecord[];
}

export interface SimFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
}

export interface Tenant {
  readonly instance: string;
  /** Mutable so a configured key can replace the one stored in a state file. */
  apiKey: string;
  readonly appCd: number;
  /** How this tenant's forms and routes differ from the seed (kept so a restart rebuilds the same tenant). */
  readonly shape: TenantShape;
  readonly users: Map<string, SimUser>;
  readonly groups: Map<string, SimGroup>;
  readonly routes: Map<number, SimRoute>;
  readonly documents: Map<number, SimDocument>;
  readonly files: Map<string, SimFile>;
  nextDocumentId: number;
  /** Per `prefix+year`, the last serial issued. */
  readonly numberSerials: Map<string, number>;
}
