import type { PageOf } from '@sss/contracts/common';
import type { RingiDetailView, RingiListQuery, RingiSummaryView } from '@sss/contracts/ringi/views';
import { command, queryString, request, type CommandOptions } from '../lib/http.ts';

/** 稟議 queries. Requests are made on the project / month (their own commands); the process manager files them. */
const base = '/api/ringis';

export const listRingis = (query: RingiListQuery, signal?: AbortSignal) => request<PageOf<RingiSummaryView>>('GET', `${base}${queryString({ ...query })}`, { signal });

export const getRingi = (id: string, signal?: AbortSignal) => request<RingiDetailView>('GET', `${base}/${encodeURIComponent(id)}`, { signal });

/** 滞留した稟議の再試行 (営業管理・管理者): the process manager resumes from its recorded step. */
export const retryRingi = (id: string, options: CommandOptions) => command('POST', `${base}/${encodeURIComponent(id)}/retry`, {}, options);
