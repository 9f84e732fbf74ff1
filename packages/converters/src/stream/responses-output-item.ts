import { parseToolArguments } from '../convert/parse-tool-arguments';
import { unwrapCustomToolInput } from '../convert/custom-tool';
import type { ResponsesToolTarget } from '../convert/responses-tool-map';
import type {
  ResponsesItemStatus,
  ResponsesLocalShellCallOutput,
  ResponsesOutputItem,
} from '../responses/response';

/**
 * One output item being streamed: what an Anthropic content block becomes on the Responses side, and
 * its accumulated content. The converter drives it; this file knows the item shapes.
 */
export type OpenItem =
  | { kind: 'message'; id: string; outputIndex: number; text: string }
  | {
      kind: 'reasoning';
      id: string;
      outputIndex: number;
      text: string;
      signature: string;
      redacted?: string;
    }
  | {
      kind: 'tool';
      id: string;
      outputIndex: number;
      callId: string;
      target: ResponsesToolTarget;
      json: string;
    };

const idPrefix: Record<'message' | 'reasoning' | ResponsesToolTarget['kind'], string> = {
  message: 'msg',
  reasoning: 'rs',
  function: 'fc',
  custom: 'ctc',
  local_shell: 'lsh',
};

/** Item ids are derived from the response id and the output index: unique within a response. */
export function itemId(options: {
  kind: keyof typeof idPrefix;
  responseId: string;
  outputIndex: number;
}): string {
  return `${idPrefix[options.kind]}_${options.responseId.replace(/^resp_/, '')}_${options.outputIndex}`;
}

const namespaceOf = (target: ResponsesToolTarget) =>
  target.namespace === undefined ? {} : { namespace: target.namespace };

function localShellAction(json: string): ResponsesLocalShellCallOutput['action'] | undefined {
  const input = parseToolArguments(json);
  if (input === undefined || !Array.isArray(input['command'])) return undefined;
  const command = (input['command'] as unknown[]).filter((part) => typeof part === 'string');
  const text = (key: string) => (typeof input[key] === 'string' ? input[key] : null);
  const env = input['env'];
  return {
    type: 'exec',
    command,
    working_directory: text('working_directory'),
    timeout_ms: typeof input['timeout_ms'] === 'number' ? input['timeout_ms'] : null,
    env:
      typeof env === 'object' && env !== null && !Array.isArray(env)
        ? Object.fromEntries(Object.entries(env).filter(([, value]) => typeof value === 'string'))
        : {},
    user: text('user'),
  };
}

/** The custom tool's raw input, unwrapped from the JSON the model wrote. */
export function customInput(json: string): string {
  let input: unknown = {};
  try {
    input = json === '' ? {} : JSON.parse(json);
  } catch {
    input = json;
  }
  return unwrapCustomToolInput(input);
}

/** Function arguments as sent: `{}` when the model gave none. */
export function functionArguments(json: string): string {
  return json === '' ? '{}' : json;
}

/** Whether a finished tool call's input is complete (valid JSON of the right shape). */
export function isCompleteToolInput(item: Extract<OpenItem, { kind: 'tool' }>): boolean {
  switch (item.target.kind) {
    case 'function':
    case 'custom':
      return parseToolArguments(item.json) !== undefined;
    case 'local_shell':
      return localShellAction(item.json) !== undefined;
  }
}

/**
 * The item as the client sees it. `content` decides how thinking is shown: `summary` (a reasoning
 * summary, what Codex displays) or `text` (reasoning_text content). `encrypted` is the
 * `encrypted_content` to attach to reasoning, when the client asked for it.
 */
export function outputItem(options: {
  item: OpenItem;
  status: ResponsesItemStatus;
  reasoning: 'summary' | 'text';
  encrypted?: string | undefined;
}): ResponsesOutputItem {
  const { item, status } = options;
  switch (item.kind) {
    case 'message':
      return {
        type: 'message',
        id: item.id,
        role: 'assistant',
        status,
        content:
          status === 'in_progress'
            ? []
            : [{ type: 'output_text', text: item.text, annotations: [], logprobs: [] }],
      };
    case 'reasoning': {
      const done = status !== 'in_progress' && item.text !== '';
      return {
        type: 'reasoning',
        id: item.id,
        summary:
          done && options.reasoning === 'summary'
            ? [{ type: 'summary_text', text: item.text }]
            : [],
        ...(done && options.reasoning === 'text'
          ? { content: [{ type: 'reasoning_text' as const, text: item.text }] }
          : {}),
        ...(options.encrypted === undefined ? {} : { encrypted_content: options.encrypted }),
        status,
      };
    }
    case 'tool':
      return toolItem(item, status);
  }
}

function toolItem(
  item: Extract<OpenItem, { kind: 'tool' }>,
  status: ResponsesItemStatus,
): ResponsesOutputItem {
  const done = status !== 'in_progress';
  const base = { id: item.id, call_id: item.callId, status };
  switch (item.target.kind) {
    case 'function':
      return {
        type: 'function_call',
        ...base,
        name: item.target.name,
        ...namespaceOf(item.target),
        arguments: done ? functionArguments(item.json) : '',
      };
    case 'custom':
      return {
        type: 'custom_tool_call',
        ...base,
        name: item.target.name,
        ...namespaceOf(item.target),
        input: done ? customInput(item.json) : '',
      };
    case 'local_shell':
      return {
        type: 'local_shell_call',
        ...base,
        action: (done ? localShellAction(item.json) : undefined) ?? {
          type: 'exec',
          command: [],
          working_directory: null,
          timeout_ms: null,
          env: {},
          user: null,
        },
      };
  }
}
