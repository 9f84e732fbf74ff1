import type { Adaptation } from '../convert/adaptation';
import { InvalidRequestError } from '../errors/invalid-request-error';
import type { AnthropicTool } from './request-schema';

/**
 * Anthropic-defined tools a request names by a versioned `type` instead of a schema. The client runs
 * these (bash, text editor, computer use, memory), so an upstream without them can still offer them as
 * ordinary tools with the input schemas Anthropic documents, under the same names; their calls then
 * reach the client exactly as from Anthropic. Server-run tools (web search and fetch, code execution,
 * tool search) need Anthropic's own infrastructure and cannot be emulated.
 */
interface ClientToolDefinition {
  name: string;
  description: string;
  input_schema: Record<string, unknown>;
}

const path = { type: 'string', description: 'Absolute path to the file or directory.' };
const viewRange = {
  type: 'array',
  items: { type: 'integer' },
  description: 'For view: [start, end] line numbers, 1-indexed; end -1 reads to the end.',
};

function textEditor(options: { name: string; commands: string[] }): ClientToolDefinition {
  return {
    name: options.name,
    description:
      'View, create and edit text files. view shows a file with line numbers or lists a directory; ' +
      'create writes file_text to a new file; str_replace replaces the one exact occurrence of old_str ' +
      'with new_str; insert adds new_str after line insert_line' +
      (options.commands.includes('undo_edit') ? '; undo_edit reverts the last edit of path.' : '.'),
    input_schema: {
      type: 'object',
      properties: {
        command: { type: 'string', enum: options.commands },
        path,
        file_text: { type: 'string', description: 'For create: the content of the new file.' },
        old_str: { type: 'string', description: 'For str_replace: the exact text to replace.' },
        new_str: {
          type: 'string',
          description: 'For str_replace: the replacement; for insert: the text to insert.',
        },
        insert_line: { type: 'integer', description: 'For insert: the line to insert after.' },
        view_range: viewRange,
      },
      required: ['command', 'path'],
    },
  };
}

const bash: ClientToolDefinition = {
  name: 'bash',
  description:
    'Run a command in a persistent bash shell; state (working directory, variables) is kept between ' +
    'calls. Set restart to true to start a new shell.',
  input_schema: {
    type: 'object',
    properties: {
      command: { type: 'string', description: 'The command to run.' },
      restart: { type: 'boolean', description: 'Restart the shell instead of running a command.' },
    },
  },
};

const computerActions20250124 = [
  'key',
  'hold_key',
  'type',
  'cursor_position',
  'mouse_move',
  'left_mouse_down',
  'left_mouse_up',
  'left_click',
  'left_click_drag',
  'right_click',
  'middle_click',
  'double_click',
  'triple_click',
  'scroll',
  'wait',
  'screenshot',
];

function computer(actions: string[], tool: AnthropicTool): ClientToolDefinition {
  const display = [tool.display_width_px, tool.display_height_px].every(
    (value) => typeof value === 'number',
  )
    ? ` The display is ${String(tool.display_width_px)}×${String(tool.display_height_px)} pixels.`
    : '';
  return {
    name: 'computer',
    description: `Control the computer's screen, keyboard and mouse; take screenshots to see it.${display}`,
    input_schema: {
      type: 'object',
      properties: {
        action: { type: 'string', enum: actions },
        coordinate: {
          type: 'array',
          items: { type: 'integer' },
          description: '[x, y] pixel position for mouse actions.',
        },
        start_coordinate: {
          type: 'array',
          items: { type: 'integer' },
          description: 'For left_click_drag: [x, y] where the drag starts.',
        },
        text: {
          type: 'string',
          description: 'Text to type, or the key or key combination (xdotool syntax) to press.',
        },
        scroll_direction: { type: 'string', enum: ['up', 'down', 'left', 'right'] },
        scroll_amount: { type: 'integer', description: 'For scroll: how many wheel clicks.' },
        duration: { type: 'number', description: 'For hold_key and wait: seconds.' },
        ...(actions.includes('zoom')
          ? {
              region: {
                type: 'array',
                items: { type: 'integer' },
                description: 'For zoom: [x1, y1, x2, y2] of the area to view at full resolution.',
              },
            }
          : {}),
      },
      required: ['action'],
    },
  };
}

const memory: ClientToolDefinition = {
  name: 'memory',
  description:
    'Read and write files in the /memories directory, which persists between conversations: view, ' +
    'create, str_replace, insert, delete and rename.',
  input_schema: {
    type: 'object',
    properties: {
      command: {
        type: 'string',
        enum: ['view', 'create', 'str_replace', 'insert', 'delete', 'rename'],
      },
      path: { type: 'string', description: 'A path under /memories.' },
      view_range: viewRange,
      file_text: { type: 'string', description: 'For create: the content of the file.' },
      old_str: { type: 'string', description: 'For str_replace: the exact text to replace.' },
      new_str: { type: 'string', description: 'For str_replace: the replacement.' },
      insert_line: { type: 'integer', description: 'For insert: the line to insert after.' },
      insert_text: { type: 'string', description: 'For insert: the text to insert.' },
      old_path: { type: 'string', description: 'For rename: the current path.' },
      new_path: { type: 'string', description: 'For rename: the new path.' },
    },
    required: ['command'],
  },
};

const editorCommands = ['view', 'create', 'str_replace', 'insert'];

/** Client tools by `type`: the definition to declare upstream. */
const clientTools: Readonly<Record<string, (tool: AnthropicTool) => ClientToolDefinition>> = {
  bash_20241022: () => bash,
  bash_20250124: () => bash,
  text_editor_20241022: () =>
    textEditor({ name: 'str_replace_editor', commands: [...editorCommands, 'undo_edit'] }),
  text_editor_20250124: () =>
    textEditor({ name: 'str_replace_editor', commands: [...editorCommands, 'undo_edit'] }),
  text_editor_20250429: () =>
    textEditor({ name: 'str_replace_based_edit_tool', commands: editorCommands }),
  text_editor_20250728: () =>
    textEditor({ name: 'str_replace_based_edit_tool', commands: editorCommands }),
  computer_20241022: (tool) => computer(computerActions20250124.slice(0, 11), tool),
  computer_20250124: (tool) => computer(computerActions20250124, tool),
  computer_20251124: (tool) => computer([...computerActions20250124, 'zoom'], tool),
  memory_20250818: () => memory,
};

/** Tools Anthropic runs on its own servers; their `type` starts with one of these. */
const serverToolPrefixes = ['web_search_', 'web_fetch_', 'code_execution_', 'tool_search_tool_'];

export function isAnthropicServerTool(tool: AnthropicTool): boolean {
  return serverToolPrefixes.some((prefix) => tool.type?.startsWith(prefix) === true);
}

export interface DeclareAnthropicToolsOptions {
  /** `reject` (default): a server-run or unknown tool type is a 400. `drop`: leave it out and report it. */
  serverTools?: 'reject' | 'drop';
}

/**
 * Rewrites a request's tools for an upstream that knows only custom tools: Anthropic-defined client
 * tools become custom tools with their documented schemas and names; custom tools pass unchanged.
 * Each change is appended to `adaptations`.
 * @throws InvalidRequestError (code `server_tool_unsupported`, `param` `tools.N`) for a server-run or
 * unknown tool type, unless `serverTools: 'drop'`.
 */
export function declareAnthropicDefinedTools(
  tools: readonly AnthropicTool[],
  adaptations: Adaptation[],
  options: DeclareAnthropicToolsOptions = {},
): AnthropicTool[] {
  const declared: AnthropicTool[] = [];
  tools.forEach((tool, index) => {
    if (tool.type === undefined || tool.type === 'custom') {
      declared.push(tool);
      return;
    }
    const definition = clientTools[tool.type]?.(tool);
    if (definition !== undefined) {
      declared.push({ ...definition, name: tool.name || definition.name });
      adaptations.push({
        kind: 'tool_declared',
        detail: `tools.${index}: ${tool.type} declared as the ordinary tool "${tool.name || definition.name}" with its documented input schema`,
      });
      return;
    }
    const what = isAnthropicServerTool(tool)
      ? `the server tool ${tool.type} ("${tool.name}") runs on Anthropic's servers and cannot run on this upstream`
      : `the tool type ${tool.type} ("${tool.name}") is not supported by this upstream`;
    if (options.serverTools === 'drop') {
      adaptations.push({ kind: 'tool_dropped', detail: `tools.${index}: ${what}; dropped` });
      return;
    }
    throw new InvalidRequestError({
      code: 'server_tool_unsupported',
      param: `tools.${String(index)}`,
      message: `tools.${String(index)}: ${what}. Remove it from the request.`,
    });
  });
  return declared;
}
