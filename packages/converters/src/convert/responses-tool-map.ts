/**
 * How an Anthropic tool name maps back to what a Responses client declared: a function, a `custom`
 * (freeform) tool, the built-in `local_shell` tool, each possibly inside a `namespace`. The request
 * converter builds the map; the response converters use it to emit the right item type.
 */

export type ResponsesToolKind = 'function' | 'custom' | 'local_shell';

export interface ResponsesToolTarget {
  kind: ResponsesToolKind;
  /** The name the client declared (without its namespace). */
  name: string;
  namespace?: string;
}

/** Keyed by the Anthropic tool name. Plain data, so it can be logged or sent across workers. */
export type ResponsesToolMap = Readonly<Record<string, ResponsesToolTarget>>;

/** The Anthropic tool that stands for Responses' built-in `local_shell` tool. */
export const localShellToolName = 'local_shell';

/**
 * The Anthropic tool name for a declared tool: namespaced tools become `<namespace>__<name>` (Anthropic
 * names allow only `[a-zA-Z0-9_-]`, so a dot cannot be used).
 */
export function anthropicToolNameFor(name: string, namespace?: string | null): string {
  return namespace == null || namespace === '' ? name : `${namespace}__${name}`;
}

/** What a called Anthropic tool is on the client side; unknown names are plain functions. */
export function responsesToolTarget(
  map: ResponsesToolMap | undefined,
  anthropicName: string,
): ResponsesToolTarget {
  const target =
    map !== undefined && Object.hasOwn(map, anthropicName) ? map[anthropicName] : undefined;
  return target ?? { kind: 'function', name: anthropicName };
}
