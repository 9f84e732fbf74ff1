import type {
  AnthropicContentBlockParam,
  AnthropicMessageParam,
  AnthropicTextBlockParam,
} from '../anthropic/request-schema';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type { OpenAIUserContentPart } from '../openai/request-schema';
import type {
  ResponsesContentPart,
  ResponsesInputItem,
  ResponsesLocalShellCallItem,
  ResponsesMessageItem,
  ResponsesReasoningItem,
} from '../responses/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { convertOpenAIUserContent } from './convert-openai-user-content';
import { wrapCustomToolInput } from './custom-tool';
import { parseToolArguments } from './parse-tool-arguments';
import { decodeReasoningContent } from './reasoning-carrier';
import { anthropicToolNameFor, localShellToolName } from './responses-tool-map';
import { placeSystemImages } from './system-images';
import { createToolIdMapper } from './tool-id-mapper';

/** The input of a Responses request, split the Anthropic way. */
export interface ConvertedResponsesInput {
  /** `system` and `developer` messages, in order, wherever they appeared. */
  system: AnthropicTextBlockParam[];
  /** User and assistant turns, not yet normalized. */
  messages: AnthropicMessageParam[];
}

interface Context {
  warnings: ConversionWarning[];
  mapToolId: (id: string) => string;
  /** Images found in system and developer messages, for the first user message. */
  systemImages: { block: AnthropicContentBlockParam; param: string }[];
}

/** A blank text part stands in for a dropped one, so later parts keep their index in error paths. */
const droppedPart: OpenAIUserContentPart = { type: 'text', text: '' };

function toChatPart(
  part: ResponsesContentPart,
  param: string,
  warnings: ConversionWarning[],
): OpenAIUserContentPart {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: (part as { text: string }).text };
    case 'refusal':
      return { type: 'text', text: (part as { refusal: string }).refusal };
    case 'input_image': {
      const image = part as Extract<ResponsesContentPart, { type: 'input_image' }>;
      if (image.image_url == null) {
        throw new InvalidRequestError({
          message: `${param}: uploaded file ids are not supported; send the image as image_url (a data URL or an http(s) URL).`,
          param,
        });
      }
      return { type: 'image_url', image_url: { url: image.image_url } };
    }
    case 'input_file': {
      const file = part as Extract<ResponsesContentPart, { type: 'input_file' }>;
      if (file.file_data == null && file.file_url != null) {
        throw new InvalidRequestError({
          message: `${param}: file_url is not supported; send the file inline as file_data.`,
          param,
        });
      }
      return {
        type: 'file',
        file: {
          ...(file.file_data == null ? {} : { file_data: file.file_data }),
          ...(file.file_id == null ? {} : { file_id: file.file_id }),
          ...(file.filename == null ? {} : { filename: file.filename }),
        },
      };
    }
    case 'input_audio':
      return part as Extract<OpenAIUserContentPart, { type: 'input_audio' }>;
    default:
      warnings.push({
        type: 'unsupported',
        param,
        message: `Content part type ${part.type} is not supported; dropped.`,
      });
      return droppedPart;
  }
}

/** Parts of a user message or tool output → Anthropic blocks (images and files checked). */
function contentBlocks(
  content: string | readonly ResponsesContentPart[],
  param: string,
  warnings: ConversionWarning[],
): AnthropicContentBlockParam[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  const parts = content.map((part, index) => toChatPart(part, `${param}.${index}`, warnings));
  return convertOpenAIUserContent({ content: parts, param, warnings });
}

function textsOf(
  content: string | readonly ResponsesContentPart[],
  param: string,
  warnings: ConversionWarning[],
  handledElsewhere: ReadonlySet<string> = new Set(),
): string[] {
  if (typeof content === 'string') return [content];
  return content.flatMap((part, index) => {
    if (part.type === 'input_text' || part.type === 'output_text')
      return [(part as { text: string }).text];
    if (part.type === 'refusal') return [(part as { refusal: string }).refusal];
    if (handledElsewhere.has(part.type)) return [];
    warnings.push({
      type: 'unsupported',
      param: `${param}.${index}`,
      message: `Content part type ${part.type} is not supported in this message; dropped.`,
    });
    return [];
  });
}

function convertMessage(
  item: ResponsesMessageItem,
  param: string,
  context: Context,
): AnthropicMessageParam | AnthropicTextBlockParam[] {
  const contentParam = `${param}.content`;
  switch (item.role) {
    case 'system':
    case 'developer': {
      const content = item.content;
      if (typeof content !== 'string') {
        content.forEach((part, index) => {
          if (part.type !== 'input_image') return;
          const partParam = `${contentParam}.${index}`;
          const [block] = contentBlocks([part], partParam, context.warnings);
          if (block !== undefined) context.systemImages.push({ block, param: partParam });
        });
      }
      return textsOf(content, contentParam, context.warnings, new Set(['input_image'])).map(
        (text) => ({ type: 'text', text }),
      );
    }
    case 'user':
      return { role: 'user', content: contentBlocks(item.content, contentParam, context.warnings) };
    case 'assistant':
      return {
        role: 'assistant',
        content: textsOf(item.content, contentParam, context.warnings).map((text) => ({
          type: 'text',
          text,
        })),
      };
  }
}

function reasoningBlocks(
  item: ResponsesReasoningItem,
  param: string,
  warnings: ConversionWarning[],
): AnthropicContentBlockParam[] {
  if (item.encrypted_content != null) {
    const carried = decodeReasoningContent(item.encrypted_content);
    if (carried !== undefined) return [carried];
    warnings.push({
      type: 'unsupported',
      param: `${param}.encrypted_content`,
      message: 'Reasoning encrypted by another provider cannot be read; its summary is used.',
    });
  }
  const texts = [...(item.summary ?? []), ...(item.content ?? [])].map((part) => part.text);
  const thinking = texts.filter((text) => text.trim() !== '').join('\n\n');
  return thinking === '' ? [] : [{ type: 'thinking', thinking }];
}

function localShellInput(item: ResponsesLocalShellCallItem): Record<string, unknown> {
  const { command, working_directory, timeout_ms, env } = item.action;
  return {
    command,
    ...(working_directory == null ? {} : { working_directory }),
    ...(timeout_ms == null ? {} : { timeout_ms }),
    ...(env == null ? {} : { env }),
  };
}

function toolResult(
  callId: string,
  content: AnthropicContentBlockParam[] | string,
  context: Context,
) {
  return {
    role: 'user' as const,
    content: [{ type: 'tool_result' as const, tool_use_id: context.mapToolId(callId), content }],
  };
}

function toolOutput(
  output: string | readonly ResponsesContentPart[],
  param: string,
  warnings: ConversionWarning[],
): AnthropicContentBlockParam[] | string {
  return typeof output === 'string' ? output : contentBlocks(output, param, warnings);
}

function convertItem(
  item: ResponsesInputItem,
  index: number,
  context: Context,
): AnthropicMessageParam | AnthropicTextBlockParam[] | undefined {
  const param = `input.${index}`;
  const { warnings } = context;
  switch (item.type) {
    case undefined:
    case 'message':
      return convertMessage(item as ResponsesMessageItem, param, context);
    case 'function_call': {
      const call = item as Extract<ResponsesInputItem, { type: 'function_call' }>;
      let input = parseToolArguments(call.arguments);
      if (input === undefined) {
        warnings.push({
          type: 'adjusted',
          param: `${param}.arguments`,
          message: 'Tool call arguments are not a JSON object; sent as an empty object.',
        });
        input = {};
      }
      const name = anthropicToolNameFor(call.name, call.namespace);
      const id = context.mapToolId(call.call_id);
      return { role: 'assistant', content: [{ type: 'tool_use', id, name, input }] };
    }
    case 'custom_tool_call': {
      const call = item as Extract<ResponsesInputItem, { type: 'custom_tool_call' }>;
      const name = anthropicToolNameFor(call.name, call.namespace);
      const input = wrapCustomToolInput(call.input);
      const id = context.mapToolId(call.call_id);
      return { role: 'assistant', content: [{ type: 'tool_use', id, name, input }] };
    }
    case 'local_shell_call': {
      const call = item as ResponsesLocalShellCallItem;
      const id = context.mapToolId(call.call_id ?? call.id ?? `local_shell_${index}`);
      const input = localShellInput(call);
      return {
        role: 'assistant',
        content: [{ type: 'tool_use', id, name: localShellToolName, input }],
      };
    }
    case 'function_call_output':
    case 'custom_tool_call_output': {
      const output = item as Extract<ResponsesInputItem, { type: 'function_call_output' }>;
      return toolResult(
        output.call_id,
        toolOutput(output.output, `${param}.output`, warnings),
        context,
      );
    }
    case 'local_shell_call_output': {
      const output = item as Extract<ResponsesInputItem, { type: 'local_shell_call_output' }>;
      return toolResult(output.call_id ?? output.id ?? '', output.output, context);
    }
    case 'reasoning': {
      const blocks = reasoningBlocks(item as ResponsesReasoningItem, param, warnings);
      return blocks.length === 0 ? undefined : { role: 'assistant', content: blocks };
    }
    default:
      warnings.push({
        type: 'unsupported',
        param,
        message: `Input item type ${item.type} is not supported; dropped.`,
      });
      return undefined;
  }
}

function collectToolIds(items: readonly ResponsesInputItem[]): string[] {
  return items.flatMap((item) => {
    const { call_id: callId, id } = item as { call_id?: unknown; id?: unknown };
    if (typeof callId === 'string') return [callId];
    if (item.type === 'local_shell_call' || item.type === 'local_shell_call_output')
      return typeof id === 'string' ? [id] : [];
    return [];
  });
}

/**
 * Converts Responses `input` items to Anthropic turns: `system`/`developer` messages are hoisted into
 * `system` (their images go to the first user message); user messages become text, image and document blocks; assistant messages text; function,
 * custom and `local_shell` calls become `tool_use` and their outputs `tool_result`; reasoning items
 * become thinking blocks (restored exactly from an `encrypted_content` we minted). Items with no
 * Anthropic meaning (`web_search_call`, compaction, unknown types) are dropped with a warning.
 */
export function convertResponsesInput(
  input: string | readonly ResponsesInputItem[] | undefined,
  warnings: ConversionWarning[],
): ConvertedResponsesInput {
  if (input === undefined) return { system: [], messages: [] };
  if (typeof input === 'string') {
    return { system: [], messages: [{ role: 'user', content: [{ type: 'text', text: input }] }] };
  }
  const context: Context = {
    warnings,
    mapToolId: createToolIdMapper(collectToolIds(input)),
    systemImages: [],
  };
  const system: AnthropicTextBlockParam[] = [];
  const messages: AnthropicMessageParam[] = [];
  input.forEach((item, index) => {
    const converted = convertItem(item, index, context);
    if (converted === undefined) return;
    if (Array.isArray(converted))
      system.push(...converted.filter((block) => block.text.trim() !== ''));
    else messages.push(converted);
  });
  return { system, messages: placeSystemImages(messages, context.systemImages, warnings) };
}
