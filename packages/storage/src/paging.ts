/** Offset paging, as the admin API's tables use it. */
export interface PageRequest {
  /** Rows per page, 1 to {@link maxPageSize}; default {@link defaultPageSize}. */
  limit?: number;
  /** Rows to skip; default 0. */
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Rows matching the filters, over all pages. */
  total: number;
  limit: number;
  offset: number;
}

export const defaultPageSize = 50;
export const maxPageSize = 1000;

/** Clamps a page request to sane bounds instead of trusting query-string numbers. */
export function normalizePageRequest(request: PageRequest = {}): Required<PageRequest> {
  const limit = Number.isFinite(request.limit)
    ? Math.trunc(request.limit ?? defaultPageSize)
    : defaultPageSize;
  const offset = Number.isFinite(request.offset) ? Math.trunc(request.offset ?? 0) : 0;
  return { limit: Math.min(Math.max(limit, 1), maxPageSize), offset: Math.max(offset, 0) };
}
