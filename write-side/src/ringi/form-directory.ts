/**
 * What a tenant's forms look like, read through the API (routes a user may file on, and each
 * form's parts). The setup check compares SSS's form mapping with this before anything is filed.
 */
export interface TenantRoute {
  readonly routeId: number;
  readonly title: string;
  readonly formId: number;
  readonly formName: string;
}

export interface TenantPart {
  readonly partId: string;
  readonly name: string;
  /** The vendor's part type: `text`, `textarea`, `number`, `money`, `date`, `attachment`, … */
  readonly type: string;
  readonly required: boolean;
  /** The table (明細) the part belongs to, or null for a part of the form itself. */
  readonly table: string | null;
}

export interface FormDirectory {
  /** Routes `actAs` may file on (all pages). */
  listRoutes(actAs: string): Promise<readonly TenantRoute[]>;
  /** The latest version's parts; needs settings or admin permission. */
  getFormParts(actAs: string, formId: number): Promise<readonly TenantPart[]>;
}
