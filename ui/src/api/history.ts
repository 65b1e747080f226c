import type { History } from '@sss/contracts/common';
import { request } from '../lib/http.ts';

/** Any aggregate's history (`GET /api/<kind>/<id>/history`): the same shape for every kind. */
export const getHistory = (path: string, signal?: AbortSignal) => request<History>('GET', path, { signal });
