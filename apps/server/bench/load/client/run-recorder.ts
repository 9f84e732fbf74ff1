import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram';

/** One finished request, as the load client saw it (times in ms since the request started). */
export interface RequestSample {
  status: number;
  /** 200, the protocol's end marker, no in-band error, and the expected text when one was given. */
  complete: boolean;
  headersMs: number;
  /** First content event; for a non-streamed answer, the end of the body. */
  ttftMs: number | undefined;
  totalMs: number;
  contentEvents: number;
  /** Characters of content text received. */
  contentChars: number;
  maxGapMs: number;
  /** The gateway's `request-id` header (joins the sample with its request-log row). */
  requestId: string | undefined;
  error: string | undefined;
}

export interface RunSummary {
  requests: number;
  complete: number;
  /** Non-200 answers, transport failures and in-band errors. */
  errors: number;
  /** 200 answers without errors that still missed their end marker or some text. */
  incomplete: number;
  /** Streams with an inter-event gap above the stall threshold. */
  stalled: number;
  contentEvents: number;
  contentChars: number;
  headers: LatencySummary;
  ttft: LatencySummary;
  total: LatencySummary;
  /** Gaps between consecutive content events of a stream. */
  gap: LatencySummary;
  /** The first few distinct error messages, to tell what went wrong. */
  errorMessages: string[];
}

/** Accumulates samples of one batch into histograms (constant memory) and counters. */
export class RunRecorder {
  readonly headers = new LatencyHistogram();
  readonly ttft = new LatencyHistogram();
  readonly total = new LatencyHistogram();
  readonly gap = new LatencyHistogram();
  requests = 0;
  complete = 0;
  errors = 0;
  incomplete = 0;
  stalled = 0;
  contentEvents = 0;
  contentChars = 0;
  readonly #errorMessages = new Set<string>();

  constructor(private readonly stallMs = Infinity) {}

  record(sample: RequestSample): void {
    this.requests += 1;
    this.contentEvents += sample.contentEvents;
    this.contentChars += sample.contentChars;
    this.headers.recordMs(sample.headersMs);
    this.total.recordMs(sample.totalMs);
    if (sample.ttftMs !== undefined) this.ttft.recordMs(sample.ttftMs);
    if (sample.maxGapMs > this.stallMs) this.stalled += 1;
    if (sample.complete) this.complete += 1;
    else if (sample.error !== undefined) {
      this.errors += 1;
      if (this.#errorMessages.size < 5) this.#errorMessages.add(sample.error);
    } else this.incomplete += 1;
  }

  /** Adds another recorder's samples to this one. */
  absorb(other: RunRecorder): void {
    this.headers.add(other.headers);
    this.ttft.add(other.ttft);
    this.total.add(other.total);
    this.gap.add(other.gap);
    this.requests += other.requests;
    this.complete += other.complete;
    this.errors += other.errors;
    this.incomplete += other.incomplete;
    this.stalled += other.stalled;
    this.contentEvents += other.contentEvents;
    this.contentChars += other.contentChars;
    for (const message of other.#errorMessages) {
      if (this.#errorMessages.size < 5) this.#errorMessages.add(message);
    }
  }

  summary(): RunSummary {
    return {
      requests: this.requests,
      complete: this.complete,
      errors: this.errors,
      incomplete: this.incomplete,
      stalled: this.stalled,
      contentEvents: this.contentEvents,
      contentChars: this.contentChars,
      headers: this.headers.summary(),
      ttft: this.ttft.summary(),
      total: this.total.summary(),
      gap: this.gap.summary(),
      errorMessages: [...this.#errorMessages],
    };
  }
}
