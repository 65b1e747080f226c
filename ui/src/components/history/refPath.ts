import type { HistoryRef } from '@sss/contracts/common';

/** The screen of a record a history points at; estimates and orders live on their project's screens. */
export function refPath(ref: HistoryRef): string {
  const id = encodeURIComponent(ref.id);
  const project = encodeURIComponent(ref.projectId ?? ref.id);
  switch (ref.kind) {
    case 'company':
      return `/companies/${id}`;
    case 'orgUnit':
      return '/org';
    case 'user':
      return '/users';
    case 'partner':
      return `/partners/${id}`;
    case 'project':
      return `/projects/${id}`;
    case 'estimate':
      return `/projects/${project}/estimate`;
    case 'order':
      return `/projects/${project}/order`;
    case 'ringi':
      return `/ringi/${id}`;
    case 'deposit':
      return '/finance/reconciliation';
  }
}
