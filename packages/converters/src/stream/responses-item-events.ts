import type { AnthropicContentDelta, AnthropicStreamContentBlock } from '../anthropic/stream-event';
import { responsesToolTarget, type ResponsesToolMap } from '../convert/responses-tool-map';
import type { ResponsesStreamEvent } from '../responses/response';
import { customInput, functionArguments, itemId, type OpenItem } from './responses-output-item';

/**
 * The events one output item produces while it is open: the parts it opens, its deltas, and the
 * events that close its content. The converter adds `sequence_number`s and the item-level
 * `output_item.added` / `.done` events; this file knows which events each item kind streams.
 */

/** Distributes over the union, so each event keeps its own fields. */
type Unsequenced<Event> = Event extends unknown ? Omit<Event, 'sequence_number'> : never;

/** A Responses stream event before the converter numbers it. */
export type NewResponsesEvent = Unsequenced<ResponsesStreamEvent>;

/** How thinking is shown: as a reasoning summary (what Codex displays) or as `reasoning_text`. */
export type ReasoningForm = 'summary' | 'text';

/** The item an Anthropic content block opens; `undefined` for blocks with no Responses meaning. */
export function openItem(options: {
  block: AnthropicStreamContentBlock;
  outputIndex: number;
  responseId: string;
  toolMap: ResponsesToolMap | undefined;
}): OpenItem | undefined {
  const { block, outputIndex, responseId, toolMap } = options;
  switch (block.type) {
    case 'text':
      return {
        kind: 'message',
        id: itemId({ kind: 'message', responseId, outputIndex }),
        outputIndex,
        text: '',
      };
    case 'thinking':
    case 'redacted_thinking':
      return {
        kind: 'reasoning',
        id: itemId({ kind: 'reasoning', responseId, outputIndex }),
        outputIndex,
        text: '',
        signature: '',
        ...(block.type === 'redacted_thinking' ? { redacted: block.data } : {}),
      };
    case 'tool_use': {
      const target = responsesToolTarget(toolMap, block.name);
      return {
        kind: 'tool',
        id: itemId({ kind: target.kind, responseId, outputIndex }),
        outputIndex,
        callId: block.id,
        target,
        json: '',
      };
    }
    default:
      return undefined;
  }
}

/** The content part (or summary part) an item opens right after `output_item.added`. */
export function openingEvents(item: OpenItem, form: ReasoningForm): NewResponsesEvent[] {
  const outputIndex = item.outputIndex;
  const events: NewResponsesEvent[] = [];
  const located = { item_id: item.id, output_index: outputIndex };
  if (item.kind === 'message') {
    events.push({
      type: 'response.content_part.added',
      ...located,
      content_index: 0,
      part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
    });
  } else if (item.kind === 'reasoning' && item.redacted === undefined) {
    events.push(
      form === 'summary'
        ? {
            type: 'response.reasoning_summary_part.added',
            ...located,
            summary_index: 0,
            part: { type: 'summary_text', text: '' },
          }
        : {
            type: 'response.content_part.added',
            ...located,
            content_index: 0,
            part: { type: 'reasoning_text', text: '' },
          },
    );
  }
  return events;
}

/** The events a content delta produces; accumulates the item's text, signature or tool input. */
export function deltaEvents(
  item: OpenItem,
  delta: AnthropicContentDelta,
  form: ReasoningForm,
): NewResponsesEvent[] {
  const located = { item_id: item.id, output_index: item.outputIndex };
  switch (delta.type) {
    case 'text_delta':
      if (item.kind !== 'message' || delta.text === '') return [];
      item.text += delta.text;
      return [
        {
          type: 'response.output_text.delta',
          ...located,
          content_index: 0,
          delta: delta.text,
          logprobs: [],
        },
      ];
    case 'thinking_delta':
      if (item.kind !== 'reasoning' || delta.thinking === '') return [];
      item.text += delta.thinking;
      return [
        form === 'summary'
          ? {
              type: 'response.reasoning_summary_text.delta',
              ...located,
              summary_index: 0,
              delta: delta.thinking,
            }
          : {
              type: 'response.reasoning_text.delta',
              ...located,
              content_index: 0,
              delta: delta.thinking,
            },
      ];
    case 'signature_delta':
      if (item.kind === 'reasoning') item.signature += delta.signature;
      return [];
    case 'input_json_delta':
      if (item.kind !== 'tool' || delta.partial_json === '') return [];
      item.json += delta.partial_json;
      return item.target.kind === 'function'
        ? [
            {
              type: 'response.function_call_arguments.delta',
              ...located,
              delta: delta.partial_json,
            },
          ]
        : [];
    case 'citations_delta':
      return [];
  }
}

/** The events that close an item's content, before its `output_item.done`. */
export function closingEvents(item: OpenItem, form: ReasoningForm): NewResponsesEvent[] {
  const located = { item_id: item.id, output_index: item.outputIndex };
  switch (item.kind) {
    case 'message': {
      const part = {
        type: 'output_text' as const,
        text: item.text,
        annotations: [],
        logprobs: [],
      };
      return [
        {
          type: 'response.output_text.done',
          ...located,
          content_index: 0,
          text: item.text,
          logprobs: [],
        },
        { type: 'response.content_part.done', ...located, content_index: 0, part },
      ];
    }
    case 'reasoning':
      if (item.redacted !== undefined) return [];
      if (form === 'summary') {
        const part = { type: 'summary_text' as const, text: item.text };
        return [
          {
            type: 'response.reasoning_summary_text.done',
            ...located,
            summary_index: 0,
            text: item.text,
          },
          {
            type: 'response.reasoning_summary_part.done',
            ...located,
            summary_index: 0,
            part,
          },
        ];
      }
      return [
        {
          type: 'response.reasoning_text.done',
          ...located,
          content_index: 0,
          text: item.text,
        },
        {
          type: 'response.content_part.done',
          ...located,
          content_index: 0,
          part: { type: 'reasoning_text', text: item.text },
        },
      ];
    case 'tool':
      switch (item.target.kind) {
        case 'function':
          return [
            {
              type: 'response.function_call_arguments.done',
              ...located,
              name: item.target.name,
              arguments: functionArguments(item.json),
            },
          ];
        case 'custom': {
          const input = customInput(item.json);
          return [
            {
              type: 'response.custom_tool_call_input.delta',
              ...located,
              delta: input,
            },
            { type: 'response.custom_tool_call_input.done', ...located, input },
          ];
        }
        case 'local_shell':
          return [];
      }
  }
}
