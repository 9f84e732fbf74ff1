import type { AdaptationKind } from './adaptation';

/**
 * Input we could not carry over exactly but that does not stop the request from being served.
 * Converters return these instead of throwing; the server may log them or expose them in a header.
 */
export interface ConversionWarning {
  /** `unsupported`: dropped because the target has no equivalent. `adjusted`: changed to fit the target. */
  type: 'unsupported' | 'adjusted';
  /** What kind of adaptation this is, when more precise than `type` says (see {@link AdaptationKind}). */
  kind?: AdaptationKind;
  /** The request field concerned, e.g. `logit_bias` or `messages.3.content.1`. */
  param: string;
  message: string;
}
