import { EventEmitter } from 'node:events';

import type { FaultType } from '../faults/fault-types';
import type { Operation } from './operations';

export type Service = 'api' | 'auth' | 'oidc' | 'entra' | 'other';

export type RequestOutcome =
  /** The response is still being written. */
  | 'pending'
  /** The whole response was sent. */
  | 'completed'
  /** The client closed the connection before the response ended. */
  | 'client-closed'
  /** The simulator destroyed the connection (connection-reset or cut-stream fault). */
  | 'reset';

/** What the simulator saw of one request and what it answered; updated while the request runs. */
export interface RequestLogEntry {
  id: number;
  /** Epoch milliseconds (fractional). */
  receivedAt: number;
  method: string;
  /** Path without the query string, e.g. `/api/us-east-1/generateAssistantResponse`. */
  path: string;
  query: Record<string, string>;
  service: Service;
  region: string | undefined;
  operation: Operation | undefined;
  /** Every request header, names lower-cased, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The body: parsed JSON when it parses, else the raw text; undefined when empty or not recorded. */
  body: unknown;
  bodyBytes: number;
  accountId: string | undefined;
  /** The HTTP status sent, once sent. */
  status: number | undefined;
  /** For error answers: the body's message and reason, the simulator's rule id and what broke it. */
  error: { message: string; reason: string | null; rule?: string; detail?: string } | undefined;
  /** The injected fault that shaped the answer, if any. */
  fault: FaultType | undefined;
  /** Event-stream frames written (chat streams). */
  framesSent: number;
  outcome: RequestOutcome;
  /** Epoch milliseconds when the response ended, the client closed or the simulator reset it. */
  finishedAt: number | undefined;
  /** Epoch milliseconds when the client closed the connection before the response ended. */
  clientClosedAt: number | undefined;
}

type EntryFields = Pick<RequestLogEntry, 'method' | 'path' | 'query' | 'headers'>;

export interface RequestLogOptions {
  /** Oldest entries are dropped beyond this; default 500. */
  maxEntries?: number;
  /** Record request bodies; default true (benchmarks may turn it off). */
  bodies?: boolean;
}

export interface WaitOptions {
  /** Default 5000 ms. */
  timeoutMs?: number;
}

/** Precise wall-clock milliseconds, comparable with `performance.timeOrigin + performance.now()`. */
export function preciseNow(): number {
  return performance.timeOrigin + performance.now();
}

export class RequestLog {
  readonly recordBodies: boolean;
  private readonly maxEntries: number;
  private list: RequestLogEntry[] = [];
  private nextId = 1;
  private readonly changes = new EventEmitter();

  constructor(options: RequestLogOptions = {}) {
    this.maxEntries = options.maxEntries ?? 500;
    this.recordBodies = options.bodies ?? true;
    this.changes.setMaxListeners(0);
  }

  /** Starts an entry; the server fills it in as the request proceeds. */
  open(fields: EntryFields): RequestLogEntry {
    const entry = this.detached(fields);
    entry.id = this.nextId;
    this.nextId += 1;
    this.list.push(entry);
    if (this.list.length > this.maxEntries) this.list.shift();
    this.notify();
    return entry;
  }

  /** An entry that is not kept (control requests do not pollute the log). */
  detached(fields: EntryFields): RequestLogEntry {
    return {
      id: 0,
      receivedAt: preciseNow(),
      service: 'other',
      region: undefined,
      operation: undefined,
      body: undefined,
      bodyBytes: 0,
      accountId: undefined,
      status: undefined,
      error: undefined,
      fault: undefined,
      framesSent: 0,
      outcome: 'pending',
      finishedAt: undefined,
      clientClosedAt: undefined,
      ...fields,
    };
  }

  /** Records that the entry changed, waking `waitFor` callers. */
  notify(): void {
    this.changes.emit('change');
  }

  /** Entries in arrival order, optionally only those of one operation. */
  entries(operation?: Operation): readonly RequestLogEntry[] {
    return operation === undefined
      ? [...this.list]
      : this.list.filter((entry) => entry.operation === operation);
  }

  last(operation?: Operation): RequestLogEntry | undefined {
    return this.entries(operation).at(-1);
  }

  count(operation?: Operation): number {
    return this.entries(operation).length;
  }

  clear(): void {
    this.list = [];
  }

  /** Resolves with the first entry (existing or future) for which `predicate` holds. */
  waitFor(
    predicate: (entry: RequestLogEntry) => boolean,
    options: WaitOptions = {},
  ): Promise<RequestLogEntry> {
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.list.find(predicate);
        if (found === undefined) return false;
        cleanup();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`No matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const onChange = (): void => {
        check();
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        this.changes.off('change', onChange);
      };
      this.changes.on('change', onChange);
      check();
    });
  }

  /** Resolves with the epoch-ms time the client closed request `id`'s connection early. */
  async waitForClientClose(id: number, options: WaitOptions = {}): Promise<number> {
    let closedAt = 0;
    await this.waitFor((candidate) => {
      if (candidate.id !== id || candidate.clientClosedAt === undefined) return false;
      closedAt = candidate.clientClosedAt;
      return true;
    }, options);
    return closedAt;
  }
}
