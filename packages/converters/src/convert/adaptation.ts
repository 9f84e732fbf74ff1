/**
 * One change made to a request so the upstream can serve it: what a client would otherwise not know
 * was altered. The server may list these in a response header and the request log.
 */
export interface Adaptation {
  kind: AdaptationKind;
  /** What was changed and how, naming the field, block or tool. */
  detail: string;
}

export type AdaptationKind =
  /** A block or field was rewritten into a form the upstream takes (e.g. a search result as text). */
  | 'content_replaced'
  /** Content was moved elsewhere in the request (e.g. a system-turn image into the first user turn). */
  | 'content_moved'
  /** Content the upstream cannot take was left out. */
  | 'content_dropped'
  /** A request field was translated into another one (e.g. legacy `functions` into `tools`). */
  | 'field_translated'
  /** A request field the upstream has no equivalent for was left out. */
  | 'field_dropped'
  /** A value was changed to fit the upstream's limits (e.g. a clamped budget). */
  | 'value_adjusted'
  /** A tool was sent under another name; answers carry the original one. */
  | 'tool_renamed'
  /** A tool was declared to the upstream as an ordinary tool (e.g. an Anthropic-defined client tool). */
  | 'tool_declared'
  /** A tool was not offered to the upstream. */
  | 'tool_dropped';

/** A warning of the converters as an adaptation, so both read alike in one list. */
export function adaptationOfWarning(warning: {
  type: 'unsupported' | 'adjusted';
  kind?: AdaptationKind | undefined;
  param: string;
  message: string;
}): Adaptation {
  return {
    kind: warning.kind ?? (warning.type === 'unsupported' ? 'field_dropped' : 'value_adjusted'),
    detail: `${warning.param}: ${warning.message}`,
  };
}
