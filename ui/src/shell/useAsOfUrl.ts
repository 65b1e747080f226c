import { useCallback, useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AS_OF_PARAM, currentAsOf, isAsOf, rememberAsOf } from '../lib/asOf.ts';

/**
 * Keeps the as-of moment in the URL across navigation: a link elsewhere in the app drops the search
 * param, so the shell puts it back; only "back to live" (or a new moment) changes it.
 */
export function useAsOfUrl(): { asOf: string | null; setAsOf: (value: string | null) => void } {
  const location = useLocation();
  const navigate = useNavigate();
  const inUrl = new URLSearchParams(location.search).get(AS_OF_PARAM);
  if (isAsOf(inUrl)) rememberAsOf(inUrl);
  const asOf = currentAsOf();

  useEffect(() => {
    if (asOf && !isAsOf(inUrl)) {
      const search = new URLSearchParams(location.search);
      search.set(AS_OF_PARAM, asOf);
      void navigate({ pathname: location.pathname, search: `?${search.toString()}`, hash: location.hash }, { replace: true });
    }
  }, [asOf, inUrl, location.pathname, location.search, location.hash, navigate]);

  const setAsOf = useCallback(
    (value: string | null) => {
      rememberAsOf(value);
      const search = new URLSearchParams(location.search);
      if (value) search.set(AS_OF_PARAM, value);
      else search.delete(AS_OF_PARAM);
      const text = search.toString();
      void navigate({ pathname: location.pathname, search: text ? `?${text}` : '', hash: location.hash });
    },
    [location.pathname, location.search, location.hash, navigate],
  );
  return { asOf, setAsOf };
}
