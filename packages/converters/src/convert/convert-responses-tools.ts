import type { AnthropicTool, AnthropicToolChoice } from '../anthropic/request-schema';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type {
  ResponsesCustomTool,
  ResponsesFunctionTool,
  ResponsesRequest,
  ResponsesTool,
} from '../responses/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { customToolInputDescription, customToolInputSchema } from './custom-tool';
import {
  anthropicToolNameFor,
  localShellToolName,
  type ResponsesToolMap,
  type ResponsesToolTarget,
} from './responses-tool-map';

/** What the tool fields of a Responses request become on the Anthropic side. */
export interface ConvertedResponsesTools {
  tools: AnthropicTool[] | undefined;
  toolChoice: AnthropicToolChoice | undefined;
  toolMap: ResponsesToolMap;
}

/** The input schema of `local_shell`: the fields of a `local_shell_call` item's `exec` action. */
const localShellTool: AnthropicTool = {
  name: localShellToolName,
  description: "Runs a command on the user's machine and returns its output.",
  input_schema: {
    type: 'object',
    properties: {
      command: {
        type: 'array',
        items: { type: 'string' },
        description: 'The program and its arguments, e.g. ["bash", "-lc", "ls -la"].',
      },
      working_directory: { type: 'string', description: 'Directory to run the command in.' },
      timeout_ms: { type: 'integer', description: 'Time limit in milliseconds.' },
      env: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'Extra environment variables.',
      },
    },
    required: ['command'],
  },
};

function describe(description: string | null | undefined, context: string | undefined) {
  const parts = [description, context].filter((part) => part != null && part !== '');
  return parts.length === 0 ? {} : { description: parts.join('\n\n') };
}

function declaredTool(
  tool: ResponsesFunctionTool | ResponsesCustomTool,
  namespace?: { name: string; description?: string | null | undefined },
): { tool: AnthropicTool; target: ResponsesToolTarget } {
  const name = anthropicToolNameFor(tool.name, namespace?.name);
  const context =
    namespace?.description == null ? undefined : `(${namespace.name}: ${namespace.description})`;
  const target: ResponsesToolTarget = {
    kind: tool.type,
    name: tool.name,
    ...(namespace === undefined ? {} : { namespace: namespace.name }),
  };
  if (tool.type === 'function') {
    return {
      tool: {
        name,
        ...describe(tool.description, context),
        input_schema: { ...(tool.parameters ?? {}), type: 'object' },
      },
      target,
    };
  }
  const grammar =
    tool.format?.type === 'grammar'
      ? { syntax: tool.format.syntax, definition: tool.format.definition }
      : undefined;
  return {
    tool: {
      name,
      ...describe(tool.description, context),
      input_schema: customToolInputSchema(customToolInputDescription(grammar)),
    },
    target,
  };
}

function collectTools(
  tools: readonly ResponsesTool[],
  warnings: ConversionWarning[],
): { tools: AnthropicTool[]; toolMap: Record<string, ResponsesToolTarget> } {
  const collected: AnthropicTool[] = [];
  const toolMap: Record<string, ResponsesToolTarget> = {};
  const add = (entry: { tool: AnthropicTool; target: ResponsesToolTarget }) => {
    collected.push(entry.tool);
    toolMap[entry.tool.name] = entry.target;
  };
  tools.forEach((tool, index) => {
    switch (tool.type) {
      case 'function':
      case 'custom':
        add(declaredTool(tool as ResponsesFunctionTool | ResponsesCustomTool));
        return;
      case 'local_shell':
        add({ tool: localShellTool, target: { kind: 'local_shell', name: localShellToolName } });
        return;
      case 'namespace': {
        const namespace = tool as Extract<ResponsesTool, { type: 'namespace' }>;
        for (const inner of namespace.tools) add(declaredTool(inner, namespace));
        return;
      }
      default:
        warnings.push({
          type: 'unsupported',
          param: `tools.${index}`,
          message: `The hosted tool ${tool.type} is not available through this gateway; dropped.`,
        });
    }
  });
  return { tools: collected, toolMap };
}

function namesOf(toolMap: ResponsesToolMap, reference: { name?: string | undefined }): string[] {
  return Object.entries(toolMap)
    .filter(([, target]) => target.name === reference.name)
    .map(([anthropicName]) => anthropicName);
}

function convertToolChoice(options: {
  choice: ResponsesRequest['tool_choice'];
  tools: AnthropicTool[];
  toolMap: ResponsesToolMap;
  warnings: ConversionWarning[];
}): { choice: AnthropicToolChoice | undefined; tools: AnthropicTool[] } {
  const { choice, tools, toolMap, warnings } = options;
  if (choice == null) return { choice: undefined, tools };
  if (choice === 'none' || choice === 'auto') return { choice: { type: choice }, tools };
  if (choice === 'required') return { choice: { type: 'any' }, tools };
  if (choice.type === 'function' || choice.type === 'custom') {
    const name = namesOf(toolMap, choice as { name?: string })[0];
    if (name === undefined) {
      throw new InvalidRequestError({
        message: `tool_choice: no tool named ${String(choice['name'])} in tools.`,
        param: 'tool_choice',
      });
    }
    return { choice: { type: 'tool', name }, tools };
  }
  if (choice.type === 'allowed_tools') {
    const allowed = choice as Extract<typeof choice, { type: 'allowed_tools' }>;
    const names = new Set(allowed.tools.flatMap((tool) => namesOf(toolMap, tool)));
    if (allowed.tools.some((tool) => tool.type === 'local_shell')) names.add(localShellToolName);
    return {
      choice: { type: allowed.mode === 'required' ? 'any' : 'auto' },
      tools: tools.filter((tool) => names.has(tool.name)),
    };
  }
  warnings.push({
    type: 'unsupported',
    param: 'tool_choice',
    message: `tool_choice ${choice.type} names a tool this gateway does not offer; auto used.`,
  });
  return { choice: { type: 'auto' }, tools };
}

/**
 * Converts the flat Responses `tools` and `tool_choice`: functions keep their JSON Schema, `custom`
 * tools become a function with one string property (the grammar in its description), `local_shell`
 * becomes a function whose input is the `exec` action, `namespace` tools are flattened to
 * `<namespace>__<name>`, and hosted tools (`web_search`, `file_search`, …) are dropped with a warning.
 * `parallel_tool_calls: false` becomes `disable_parallel_tool_use: true`.
 */
export function convertResponsesTools(
  request: ResponsesRequest,
  warnings: ConversionWarning[],
): ConvertedResponsesTools {
  const { tools: all, toolMap } = collectTools(request.tools ?? [], warnings);
  const choice = request.tool_choice;
  if (all.length === 0) {
    const forced =
      choice === 'required' ||
      (typeof choice === 'object' && (choice?.type === 'function' || choice?.type === 'custom'));
    if (forced) {
      throw new InvalidRequestError({
        message: 'tool_choice: a tool is required but the request has no usable tools.',
        param: 'tool_choice',
      });
    }
    return { tools: undefined, toolChoice: undefined, toolMap };
  }
  const converted = convertToolChoice({ choice, tools: all, toolMap, warnings });
  let toolChoice = converted.choice;
  if (request.parallel_tool_calls === false) {
    if (toolChoice === undefined) toolChoice = { type: 'auto', disable_parallel_tool_use: true };
    else if (toolChoice.type !== 'none')
      toolChoice = { ...toolChoice, disable_parallel_tool_use: true };
  }
  return { tools: converted.tools, toolChoice, toolMap };
}
