import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/** Case-insensitive substring match; `%` and `_` in the term match literally. */
export function containsIgnoreCase(column: AnyColumn, term: string): SQL {
  const escaped = term.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`);
  return sql`lower(${column}) like ${`%${escaped}%`} escape '\\'`;
}

/** Trims free text from clients (user agents) to a bounded size. */
export function trimText(value: string | null | undefined, maxLength = 256): string | null {
  if (value == null) return null;
  return value.length > maxLength ? value.slice(0, maxLength) : value;
}

/** Drops keys whose value is undefined, so a patch never writes NULL by omission. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
