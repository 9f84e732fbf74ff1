import type { AnthropicTool, AnthropicToolChoice } from '../anthropic/request-schema';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type {
  OpenAIChatRequest,
  OpenAIFunctionDefinition,
  OpenAITool,
} from '../openai/request-schema';
import { customToolInputDescription, customToolInputSchema } from './custom-tool';

/** What the tool fields of an OpenAI request become on the Anthropic side. */
export interface ConvertedTools {
  tools: AnthropicTool[] | undefined;
  toolChoice: AnthropicToolChoice | undefined;
  /** Names of `custom` tools, whose calls must be unwrapped on the way back. */
  customToolNames: string[];
  /** Tools came only from the legacy `functions`: answers use `function_call`. */
  legacyFunctions: boolean;
}

function functionTool(definition: OpenAIFunctionDefinition): AnthropicTool {
  const parameters = definition.parameters ?? {};
  return {
    name: definition.name,
    ...(definition.description === undefined ? {} : { description: definition.description }),
    input_schema: { ...parameters, type: 'object' },
  };
}

function customTool(tool: Extract<OpenAITool, { type: 'custom' }>['custom']): AnthropicTool {
  const grammar = tool.format?.type === 'grammar' ? tool.format.grammar : undefined;
  return {
    name: tool.name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    input_schema: customToolInputSchema(customToolInputDescription(grammar)),
  };
}

type Reference =
  { type: 'function'; function: { name: string } } | { type: 'custom'; custom: { name: string } };
const referenceName = (reference: Reference): string =>
  reference.type === 'function' ? reference.function.name : reference.custom.name;

function convertToolChoice(
  request: OpenAIChatRequest,
  tools: AnthropicTool[],
): { choice: AnthropicToolChoice | undefined; tools: AnthropicTool[] } {
  const choice = request.tool_choice;
  if (choice == null) {
    const legacy = request.function_call;
    if (legacy == null) return { choice: undefined, tools };
    if (legacy === 'none' || legacy === 'auto') return { choice: { type: legacy }, tools };
    return { choice: { type: 'tool', name: legacy.name }, tools };
  }
  if (choice === 'none' || choice === 'auto') return { choice: { type: choice }, tools };
  if (choice === 'required') return { choice: { type: 'any' }, tools };
  if (choice.type === 'allowed_tools') {
    const allowed = new Set(
      choice.allowed_tools.tools.map((tool) => referenceName(tool as Reference)),
    );
    return {
      choice: { type: choice.allowed_tools.mode === 'required' ? 'any' : 'auto' },
      tools: tools.filter((tool) => allowed.has(tool.name)),
    };
  }
  const name = referenceName(choice);
  if (!tools.some((tool) => tool.name === name)) {
    throw new InvalidRequestError({
      message: `tool_choice: no tool named ${name} in tools.`,
      param: 'tool_choice',
    });
  }
  return { choice: { type: 'tool', name }, tools };
}

/**
 * Converts `tools` (function and `custom` tools), the legacy `functions`/`function_call`,
 * `tool_choice` (`none`/`auto`/`required`/named/`allowed_tools`) and `parallel_tool_calls` to
 * Anthropic `tools` and `tool_choice`. A custom tool becomes a function with one string parameter;
 * `allowed_tools` narrows the tool list; `parallel_tool_calls: false` becomes
 * `disable_parallel_tool_use: true`, as do legacy `functions` (their answer holds one call).
 */
export function convertOpenAITools(request: OpenAIChatRequest): ConvertedTools {
  const customToolNames: string[] = [];
  const all: AnthropicTool[] = [
    ...(request.tools ?? []).map((tool) => {
      if (tool.type === 'function') return functionTool(tool.function);
      customToolNames.push(tool.custom.name);
      return customTool(tool.custom);
    }),
    ...(request.functions ?? []).map(functionTool),
  ];
  if (all.length === 0) {
    if (
      request.tool_choice != null &&
      request.tool_choice !== 'none' &&
      request.tool_choice !== 'auto'
    ) {
      throw new InvalidRequestError({
        message: 'tool_choice: a tool is required but the request has no tools.',
        param: 'tool_choice',
      });
    }
    return { tools: undefined, toolChoice: undefined, customToolNames, legacyFunctions: false };
  }
  const legacyFunctions = (request.tools ?? []).length === 0;
  const { choice, tools } = convertToolChoice(request, all);
  let toolChoice = choice;
  // A legacy answer holds one function_call, so the upstream must not call several at once.
  if (request.parallel_tool_calls === false || legacyFunctions) {
    if (toolChoice === undefined) toolChoice = { type: 'auto', disable_parallel_tool_use: true };
    else if (toolChoice.type !== 'none')
      toolChoice = { ...toolChoice, disable_parallel_tool_use: true };
  }
  return { tools, toolChoice, customToolNames, legacyFunctions };
}
