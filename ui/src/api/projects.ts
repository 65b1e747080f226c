import type { PageOf } from '@sss/contracts/common';
import type { DraftEstimate, EditEstimateDraft, IssueEstimate, ReviseEstimate } from '@sss/contracts/project/estimate-schemas';
import type { EditOrder, RegisterOrder } from '@sss/contracts/project/order-schemas';
import type { AddResource, ChangeProjectStatus, CopyProject, EditResource, ProjectBasics, RequestApproval, SetMonthlyEffort } from '@sss/contracts/project/schemas';
import type { EstimateListQuery, EstimateListRow, EstimateView, OrderListQuery, OrderPage, OrderSortKeys, OrderView, ProjectDetail, ProjectListQuery, ProjectListRow, ProjectSortKeys } from '@sss/contracts/project/views';
import { command, queryString, request, type CommandOptions } from '../lib/http.ts';

/**
 * 案件・見積・受注 over HTTP. Every path is spelled here once, so the screens do not care where
 * the server put a route.
 */

export type ProjectSort = (typeof ProjectSortKeys)[number];
export type ProjectListParams = Omit<ProjectListQuery, 'sort'> & { sort?: ProjectSort };

const projects = '/api/projects';
const project = (id: string) => `${projects}/${encodeURIComponent(id)}`;
const resource = (id: string, resourceNo: number) => `${project(id)}/resources/${resourceNo}`;
const estimate = (id: string) => `/api/estimates/${encodeURIComponent(id)}`;
const order = (id: string) => `/api/orders/${encodeURIComponent(id)}`;

export const listProjects = (query: ProjectListParams, signal?: AbortSignal) => request<PageOf<ProjectListRow>>('GET', `${projects}${queryString({ ...query })}`, { signal });
/** The same filters as the list, as a CSV that Excel opens (BOM, CRLF); a plain link so the browser downloads it. */
export const projectCsvUrl = (query: ProjectListParams) => `${projects}/export.csv${queryString({ ...query, page: undefined, pageSize: undefined })}`;
export const getProject = (id: string, signal?: AbortSignal) => request<ProjectDetail>('GET', project(id), { signal });

export const registerProject = (body: ProjectBasics, options: CommandOptions) => command('POST', projects, body, options);
export const editProjectBasics = (id: string, body: ProjectBasics, options: CommandOptions & { ifMatch: string }) => command('PUT', project(id), body, options);
export const copyProject = (id: string, body: CopyProject, options: CommandOptions) => command('POST', `${project(id)}/copy`, body, options);
export const addResource = (id: string, body: AddResource, options: CommandOptions) => command('POST', `${project(id)}/resources`, body, options);
export const editResource = (id: string, resourceNo: number, body: EditResource, options: CommandOptions) => command('PUT', resource(id, resourceNo), body, options);
export const removeResource = (id: string, resourceNo: number, options: CommandOptions) => command('DELETE', resource(id, resourceNo), undefined, options);
export const setMonthlyEffort = (id: string, resourceNo: number, body: SetMonthlyEffort, options: CommandOptions) => command('PUT', `${resource(id, resourceNo)}/effort`, body, options);
export const changeProjectStatus = (id: string, body: ChangeProjectStatus, options: CommandOptions) => command('POST', `${project(id)}/status`, body, options);
export const requestApproval = (id: string, body: RequestApproval, options: CommandOptions) => command('POST', `${project(id)}/approvals`, body, options);

export const getEstimate = (id: string, signal?: AbortSignal) => request<EstimateView>('GET', estimate(id), { signal });
export const draftEstimate = (body: DraftEstimate, options: CommandOptions) => command('POST', '/api/estimates', body, options);
export const editEstimateDraft = (id: string, body: EditEstimateDraft, options: CommandOptions) => command('PUT', estimate(id), body, options);
export const issueEstimate = (id: string, body: IssueEstimate, options: CommandOptions) => command('POST', `${estimate(id)}/issue`, body, options);
export const reviseEstimate = (id: string, body: ReviseEstimate, options: CommandOptions) => command('POST', `${estimate(id)}/revise`, body, options);

export type OrderSort = (typeof OrderSortKeys)[number];
export type OrderListParams = Omit<OrderListQuery, 'sort'> & { sort?: OrderSort };
export const listOrders = (query: OrderListParams, signal?: AbortSignal) => request<OrderPage>('GET', `/api/orders${queryString({ ...query })}`, { signal });
/** 受注一覧 as CSV or Excel (with the monthly plan), same filters as the screen. */
export const orderExportUrl = (format: 'csv' | 'xlsx', query: OrderListParams) => `/api/orders/export.${format}${queryString({ ...query, page: undefined, pageSize: undefined })}`;
export const listEstimates = (query: EstimateListQuery, signal?: AbortSignal) => request<PageOf<EstimateListRow>>('GET', `/api/estimates${queryString({ ...query })}`, { signal });
export const getOrder = (id: string, signal?: AbortSignal) => request<OrderView>('GET', order(id), { signal });
export const registerOrder = (body: RegisterOrder, options: CommandOptions) => command('POST', '/api/orders', body, options);
export const editOrder = (id: string, body: EditOrder, options: CommandOptions) => command('PUT', order(id), body, options);

/** Documents are plain links: the session cookie goes along and the browser saves the file. */
export const documentUrls = {
  balanceSheet: (projectId: string) => `${project(projectId)}/balance-sheet.xlsx`,
  estimateXlsx: (estimateId: string, version?: number) => `${estimate(estimateId)}/quotation.xlsx${queryString({ version })}`,
  estimatePdf: (estimateId: string, version?: number) => `${estimate(estimateId)}/quotation.pdf${queryString({ version })}`,
};
