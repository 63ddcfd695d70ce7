import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export type AdminGetState<T> =
  | { status: 'loading'; data?: T }
  | { status: 'error'; error: unknown; data?: T }
  | { status: 'ready'; data: T };

/**
 * GET one admin route and follow `path` and `query`: a change refetches, keeping the
 * previous data on screen until the answer comes (no flicker while paging). `null`
 * as path waits. A new `version` (e.g. the document's `updatedAt`) or `reload()` fetches again.
 */
export function useAdminGet<T>(path: string | null, query?: URLSearchParams, version?: string) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<AdminGetState<T>>({ status: 'loading' });
  const [generation, setGeneration] = React.useState(0);
  const search = query?.toString() ?? '';

  React.useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    get<T>(path, { params: search === '' ? undefined : search, signal: controller.signal })
      .then(({ data }) => setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState((previous) => ({ status: 'error', error, data: previous.data }));
      });
    return () => controller.abort();
  }, [get, path, search, generation, version]);

  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
