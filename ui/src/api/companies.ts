import type { PageOf } from '@sss/contracts/common';
import type { AbolishCompany, ChangeCreditLimit, CompanyFields, CompanyListQuery, CompanySortKeys, CompanyView, RecordAntiSocialCheck } from '@sss/contracts/company/schemas';
import { command, queryString, request, type CommandOptions } from '../lib/http.ts';

export type CompanySort = (typeof CompanySortKeys)[number];

/** The contract's Static type of `sort` is lost through `.map` (not a tuple); restated here. */
export type CompanyListParams = Omit<CompanyListQuery, 'sort'> & { sort?: CompanySort };

const base = '/api/companies';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listCompanies = (query: CompanyListParams, signal?: AbortSignal) =>
  request<PageOf<CompanyView>>('GET', `${base}${queryString({ ...query })}`, { signal });

/** 会社一覧 as CSV with the list's filters and order (every match, not one page). */
export const companyExportUrl = ({ page: _page, pageSize: _size, ...query }: CompanyListParams) => `${base}/export.csv${queryString({ ...query })}`;
export const getCompany = (id: string, signal?: AbortSignal) => request<CompanyView>('GET', one(id), { signal });


export const registerCompany = (body: CompanyFields, options: CommandOptions) => command('POST', base, body, options);

export const editCompany = (id: string, body: CompanyFields, options: CommandOptions & { ifMatch: string }) => command('PUT', one(id), body, options);

export const recordAntiSocialCheck = (id: string, body: RecordAntiSocialCheck, options: CommandOptions) =>
  command('POST', `${one(id)}/anti-social-checks`, body, options);

export const changeCreditLimit = (id: string, body: ChangeCreditLimit, options: CommandOptions) => command('POST', `${one(id)}/credit-limit`, body, options);

export const abolishCompany = (id: string, body: AbolishCompany, options: CommandOptions) => command('POST', `${one(id)}/abolish`, body, options);
