import type { PageOf } from '@sss/contracts/common';
import type { PartnerCompanyOption, PartnerFields, PartnerListQuery, PartnerSortKeys, PartnerView, RegisterPartner, RetirePartner, SetPartnerAffiliations } from '@sss/contracts/partner/schemas';
import { command, queryString, request, type CommandOptions } from '../lib/http.ts';

export type PartnerSort = (typeof PartnerSortKeys)[number];
export type PartnerListParams = Omit<PartnerListQuery, 'sort'> & { sort?: PartnerSort };

const base = '/api/partners';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listPartners = (query: PartnerListParams, signal?: AbortSignal) => request<PageOf<PartnerView>>('GET', `${base}${queryString({ ...query })}`, { signal });

export const getPartner = (id: string, signal?: AbortSignal) => request<PartnerView>('GET', one(id), { signal });

/** Partner companies as the partner context knows them: the picker's choices. */
export const listPartnerCompanies = (signal?: AbortSignal) => request<{ items: PartnerCompanyOption[] }>('GET', '/api/partner-companies', { signal });

export const registerPartner = (body: RegisterPartner, options: CommandOptions) => command('POST', base, body, options);

export const editPartner = (id: string, body: PartnerFields, options: CommandOptions & { ifMatch: string }) => command('PUT', one(id), body, options);

export const setPartnerAffiliations = (id: string, body: SetPartnerAffiliations, options: CommandOptions & { ifMatch: string }) => command('PUT', `${one(id)}/affiliations`, body, options);

export const retirePartner = (id: string, body: RetirePartner, options: CommandOptions) => command('POST', `${one(id)}/retire`, body, options);
