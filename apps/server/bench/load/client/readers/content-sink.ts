/** What a response reader reports as it reads: each piece of content text, when it arrived. */
export interface ContentSink {
  content(text: string): void;
}

/** How a response ended, as far as its reader can tell. */
export interface ReadOutcome {
  /** The protocol's own end marker arrived (`message_stop`, `[DONE]`, Kiro's trailing usage events). */
  terminal: boolean;
  /** An in-band error (an `error` event, an exception frame, an error body). */
  error: string | undefined;
}
