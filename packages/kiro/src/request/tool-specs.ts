import type { Adaptation, AnthropicTool, AnthropicToolChoice } from '@octoproxy/converters';

import { cleanInputSchema } from './clean-input-schema';
import type { Turn } from './conversation-turns';
import type { KiroToolSpecification } from './kiro-request-types';
import type { ToolNameCodec } from './tool-name-codec';

/** Kiro truncates longer tool descriptions (and rejects much longer ones). */
export const maxToolDescriptionLength = 10_000;

export interface ToolSpecsResult {
  specs: KiroToolSpecification[];
  /** Full texts of descriptions that were too long, for the system prompt. */
  overflowDocs: string[];
  /** An instruction for the current message that stands in for `tool_choice`. */
  choiceInstruction: string;
}

function spec(options: {
  name: string;
  description: string;
  schema: unknown;
}): KiroToolSpecification {
  const { name, description, schema } = options;
  return {
    toolSpecification: { name, description, inputSchema: { json: cleanInputSchema(schema) } },
  };
}

function choiceInstruction(choice: AnthropicToolChoice | undefined, codec: ToolNameCodec): string {
  switch (choice?.type) {
    case undefined:
    case 'auto':
      return '';
    case 'none':
      return 'Answer without calling any tool.';
    case 'any':
      return 'Answer by calling one or more of the available tools.';
    case 'tool':
      return `Answer by calling the tool "${codec.encode(choice.name)}".`;
  }
}

/**
 * Tool specifications for the current message. Kiro requires a spec for every tool name used in
 * history (and a non-empty list whenever history has tool activity), so names the client no longer
 * offers get a minimal stub. `tool_choice: none` sends no tools unless history needs them. `tools`
 * must hold custom tools only (see `declareAnthropicDefinedTools`).
 */
export function buildToolSpecs(options: {
  tools: readonly AnthropicTool[] | undefined;
  toolChoice: AnthropicToolChoice | undefined;
  turns: readonly Turn[];
  codec: ToolNameCodec;
  adaptations: Adaptation[];
}): ToolSpecsResult {
  const { codec } = options;
  const specs: KiroToolSpecification[] = [];
  const overflowDocs: string[] = [];
  const defined = new Set<string>();
  const historyNames = new Set<string>();
  for (const turn of options.turns) {
    if (turn.role === 'assistant') for (const use of turn.toolUses) historyNames.add(use.name);
  }
  const offerTools = options.toolChoice?.type !== 'none' || historyNames.size > 0;
  if (!offerTools && (options.tools ?? []).length > 0) {
    options.adaptations.push({
      kind: 'tool_dropped',
      detail: 'tools: not offered upstream because tool_choice is "none"',
    });
  }

  for (const tool of offerTools ? (options.tools ?? []) : []) {
    const name = codec.encode(tool.name);
    if (defined.has(name)) continue;
    defined.add(name);
    let description = tool.description?.trim() ? tool.description : `Tool: ${tool.name}`;
    if (description.length > maxToolDescriptionLength) {
      overflowDocs.push(`## Tool: ${name}\n${description}`);
      const note = `\n\n(Truncated; the full description is in the system prompt under "Tool: ${name}".)`;
      description = description.slice(0, maxToolDescriptionLength - note.length) + note;
      options.adaptations.push({
        kind: 'content_moved',
        detail: `tool ${tool.name}: description over ${String(maxToolDescriptionLength)} characters truncated; the full text is in the system prompt`,
      });
    }
    specs.push(spec({ name, description, schema: tool.input_schema }));
  }
  for (const name of historyNames) {
    if (defined.has(name)) continue;
    defined.add(name);
    options.adaptations.push({
      kind: 'tool_declared',
      detail: `tool ${name}: used in history but not offered; declared with an open schema`,
    });
    specs.push(
      spec({
        name,
        description: `Tool ${name}, used earlier in this conversation.`,
        schema: { type: 'object', properties: {}, additionalProperties: true },
      }),
    );
  }
  return { specs, overflowDocs, choiceInstruction: choiceInstruction(options.toolChoice, codec) };
}
