import type {
  AddResource,
  ChangeProjectStatus,
  CopyProject,
  EditProjectBasics,
  EditResource,
  RecordApprovalOutcome,
  RegisterProject,
  RequestApproval,
  SalesActualProcessing,
  SetMonthlyEffort,
  StandardCostTable,
  BillingSchedule,
} from '@sss/contracts/project/schemas';
import type { ProjectState } from './state.ts';

/**
 * Commands of the Project aggregate: a person's body (validated at the edge by the contracts
 * schema) plus what the command handler adds. Deciders are pure, so everything that needs I/O —
 * a new project number, the source project of a copy, the standard-cost table, the clock and the
 * actor — arrives inside the command.
 */

export interface CommandMeta {
  /** User id (or `system:<component>`) acting. */
  readonly actor: string;
  /** ISO-8601 instant of the request, as the handler's clock saw it. */
  readonly at: string;
}

export type ProjectCommand =
  | { type: 'RegisterProject'; projectId: string; projectNumber: string; body: RegisterProject; meta: CommandMeta }
  | { type: 'CopyProject'; projectId: string; projectNumber: string; source: ProjectState; body: CopyProject; meta: CommandMeta }
  | { type: 'EditProjectBasics'; body: EditProjectBasics; meta: CommandMeta }
  | { type: 'AddResource'; body: AddResource; meta: CommandMeta }
  | { type: 'EditResource'; resourceNo: number; body: EditResource; meta: CommandMeta }
  | { type: 'RemoveResource'; resourceNo: number; meta: CommandMeta }
  | { type: 'SetMonthlyEffort'; resourceNo: number; body: SetMonthlyEffort; meta: CommandMeta }
  | { type: 'RefreshEmployeeCosts'; standardCosts: StandardCostTable; meta: CommandMeta }
  | { type: 'SetBillingSchedule'; body: BillingSchedule; meta: CommandMeta }
  | { type: 'ChangeProjectStatus'; body: ChangeProjectStatus; meta: CommandMeta }
  | { type: 'RequestApproval'; ringiId: string; body: RequestApproval; meta: CommandMeta }
  | { type: 'RecordApprovalOutcome'; body: RecordApprovalOutcome; meta: CommandMeta }
  | { type: 'StartSalesActualProcessing'; body: SalesActualProcessing; meta: CommandMeta }
  | { type: 'FinishSalesActualProcessing'; body: SalesActualProcessing; meta: CommandMeta };
