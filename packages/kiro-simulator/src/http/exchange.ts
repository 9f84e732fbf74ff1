import type { IncomingMessage, ServerResponse } from 'node:http';

import type { RequestLogEntry } from '../log/request-log';

/** One request being answered: the raw Node objects, its parsed URL, its body and its log entry. */
export interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** The request body decoded as UTF-8 (empty string when none). */
  bodyText: string;
  bodyBytes: number;
  log: RequestLogEntry;
  /** Aborts when the connection closes before the response ended (client gone or reset). */
  closed: AbortSignal;
  /** Marks the log changed (status, outcome…), waking waiters. */
  touch(): void;
}

/** A header's value as one string (repeated headers joined), or undefined. */
export function headerOf(exchange: Exchange, name: string): string | undefined {
  const value = exchange.req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body parsed as JSON, or undefined when it is empty or not JSON. */
export function jsonBodyOf(exchange: Exchange): unknown {
  if (exchange.bodyText.trim() === '') return undefined;
  try {
    return JSON.parse(exchange.bodyText) as unknown;
  } catch {
    return undefined;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
