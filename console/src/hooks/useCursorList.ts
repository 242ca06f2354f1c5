import { useCallback, useEffect, useRef, useState } from 'react';

interface Page<T> { items: T[]; nextCursor: string | null }

/** A list paged by an opaque `nextCursor`: `loadMore()` appends, a new `filters` restarts. */
export function useCursorList<T, F>(fetchPage: (filters: F, cursor?: string) => Promise<Page<T>>, filters: F) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (f: F, after?: string) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchRef.current(f, after);
      if (mine !== seq.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (err) {
      if (mine === seq.current) setError(err);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const key = JSON.stringify(filters);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- restart when the filters' value changes
  useEffect(() => { void load(filters); }, [key, load]);

  return {
    items, loading, error,
    hasMore: !!cursor,
    loadMore: () => (cursor ? load(filters, cursor) : Promise.resolve()),
    reload: () => load(filters),
  };
}
