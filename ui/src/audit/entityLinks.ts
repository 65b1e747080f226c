import { STREAM_CATEGORIES } from '@sss/contracts/streams/names';
import { AS_OF_PARAM } from '../lib/asOf.ts';

/**
 * Where the UI shows an event's entity: its detail screen (whose history is part of it), and the same
 * screen as of that event. Streams no screen shows (counters, reservations, checkpoints) link nowhere.
 */
export function entityRoute(category: string, entityId: string, data: unknown): string | null {
  const id = encodeURIComponent(entityId);
  const projectId = data && typeof data === 'object' && 'projectId' in data && typeof data.projectId === 'string' ? data.projectId : null;
  switch (category) {
    case STREAM_CATEGORIES.company: return `/companies/${id}`;
    case STREAM_CATEGORIES.partner: return `/partners/${id}`;
    case STREAM_CATEGORIES.project: return `/projects/${id}`;
    // An estimate stream shares its project's id (contracts/src/streams/names.ts).
    case STREAM_CATEGORIES.estimate: return `/projects/${id}/estimate`;
    case STREAM_CATEGORIES.order: return projectId ? `/projects/${encodeURIComponent(projectId)}/order` : null;
    case STREAM_CATEGORIES.monthlySales: {
      const cut = entityId.lastIndexOf('_');
      return cut > 0 ? `/monthly-sales/${encodeURIComponent(entityId.slice(0, cut))}/${encodeURIComponent(entityId.slice(cut + 1))}` : null;
    }
    case STREAM_CATEGORIES.ringi: return `/ringi/${id}`;
    case STREAM_CATEGORIES.user: return '/users';
    case STREAM_CATEGORIES.organization: return '/org';
    default: return null;
  }
}

export const historyLink = (route: string) => `${route}#history`;
export const asOfLink = (route: string, position: string) => `${route}?${AS_OF_PARAM}=${position}`;
