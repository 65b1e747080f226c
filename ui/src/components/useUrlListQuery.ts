import { useEffect, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import { useDebounced } from '../lib/useDebounced.ts';

interface ListQuery {
  q?: string;
  page?: number;
}

/**
 * A list's search, filters, sort and page kept in the URL, so a link or the back button brings a
 * person to exactly the list they were looking at. The search box is debounced: only settled text
 * reaches the URL (and the server), and a new search or filter starts at page 1.
 */
export function useUrlListQuery<Q extends ListQuery>(fromSearch: (search: URLSearchParams) => Q, toSearch: (query: Q) => URLSearchParams) {
  const [search, setSearch] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigation();
  const query = fromSearch(search);
  const [typed, setTyped] = useState(query.q ?? '');
  const settled = useDebounced(typed.trim());
  // flushSync: a checkbox driven by the URL must show its new state at once, not after the navigation settles
  const update = (change: Partial<Q>) => setSearch(toSearch({ ...query, page: 1, ...change }), { replace: true, flushSync: true });

  useEffect(() => {
    // A row clicked while the text settles starts a navigation away; the list stays mounted while the
    // next screen's code loads, and writing the search into the URL then would send the person back.
    const leaving = navigation.state !== 'idle' && navigation.location?.pathname !== location.pathname;
    if (!leaving && settled !== (query.q ?? '')) setSearch(toSearch({ ...query, q: settled, page: 1 }), { replace: true });
    // deliberately keyed on the settled text only: a URL change (back button) must not re-run it
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);

  return { query, typed, setTyped, update };
}
