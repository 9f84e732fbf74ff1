/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- walks arbitrary JSON */
/**
 * An independent statement of the shape rules Kiro enforces (kiro-protocol §2.8–2.9), used to check
 * what the builder produces. Returns every violation found, so a failing test says what broke.
 */
const namePattern = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const formats = new Set(['png', 'jpeg', 'gif', 'webp']);

type Json = Record<string, any>;

function findNulls(value: unknown, path: string, out: string[]): void {
  if (value === null) out.push(`null at ${path}`);
  else if (Array.isArray(value))
    value.forEach((item, index) => findNulls(item, `${path}[${index}]`, out));
  else if (typeof value === 'object') {
    for (const [key, field] of Object.entries(value as Json)) {
      if (key === 'cache_control') out.push(`cache_control at ${path}`);
      findNulls(field, `${path}.${key}`, out);
    }
  }
}

function checkUser(message: Json, where: string, out: string[]): void {
  if (typeof message.content !== 'string' || message.content.trim() === '') {
    out.push(`${where}: empty user content`);
  }
  if (typeof message.modelId !== 'string' || message.modelId === '')
    out.push(`${where}: no modelId`);
  for (const image of message.images ?? []) {
    if (!formats.has(image.format)) out.push(`${where}: image format ${image.format}`);
    if (typeof image.source?.bytes !== 'string') out.push(`${where}: image without bytes`);
  }
  const results = message.userInputMessageContext?.toolResults ?? [];
  const ids = results.map((result: Json) => result.toolUseId);
  if (new Set(ids).size !== ids.length) out.push(`${where}: duplicate toolResults`);
  for (const result of results) {
    if (!Array.isArray(result.content) || result.content.length === 0) {
      out.push(`${where}: tool result without content`);
    }
  }
}

export function kiroBodyViolations(body: Json): string[] {
  const out: string[] = [];
  findNulls(body, 'body', out);
  const state = body.conversationState;
  if (state?.chatTriggerType !== 'MANUAL') out.push('chatTriggerType must be MANUAL');
  if (typeof state?.conversationId !== 'string') out.push('conversationId missing');
  const history: Json[] = state?.history ?? [];
  if (state?.history !== undefined && history.length === 0)
    out.push('empty history must be omitted');
  const current = state?.currentMessage?.userInputMessage;
  if (current === undefined) return [...out, 'currentMessage.userInputMessage missing'];

  const sequence = [...history, { userInputMessage: current }];
  sequence.forEach((entry, index) => {
    const keys = Object.keys(entry);
    if (keys.length !== 1) out.push(`entry ${index}: ${keys.length} keys`);
    const expected = index % 2 === 0 ? 'userInputMessage' : 'assistantResponseMessage';
    if (keys[0] !== expected) out.push(`entry ${index}: expected ${expected}, got ${keys[0]}`);
    if (entry.userInputMessage) {
      checkUser(entry.userInputMessage, `entry ${index}`, out);
      if (index < sequence.length - 1 && entry.userInputMessage.userInputMessageContext?.tools) {
        out.push(`entry ${index}: tools outside the current message`);
      }
    }
    if (entry.assistantResponseMessage) {
      const message = entry.assistantResponseMessage;
      if (typeof message.content !== 'string' || message.content.trim() === '') {
        out.push(`entry ${index}: empty assistant content`);
      }
      for (const use of message.toolUses ?? []) {
        if (typeof use.input !== 'object' || Array.isArray(use.input)) {
          out.push(`entry ${index}: tool input not an object`);
        }
        if (Object.keys(use.input ?? {}).includes('')) out.push(`entry ${index}: empty input key`);
      }
    }
  });

  const allUseIds = history.flatMap((entry) =>
    (entry.assistantResponseMessage?.toolUses ?? []).map((use: Json) => String(use.toolUseId)),
  );
  if (new Set(allUseIds).size !== allUseIds.length) out.push('a toolUseId is used twice');

  // Tool uses and results pair exactly with their neighbour.
  sequence.forEach((entry, index) => {
    const results: Json[] = entry.userInputMessage?.userInputMessageContext?.toolResults ?? [];
    const previous = index > 0 ? sequence[index - 1]!.assistantResponseMessage : undefined;
    const uses: Json[] = previous?.toolUses ?? [];
    const useIds = uses.map((use) => use.toolUseId).sort();
    const resultIds = results.map((result) => result.toolUseId).sort();
    if (JSON.stringify(useIds) !== JSON.stringify(resultIds)) {
      out.push(`entry ${index}: tool results ${resultIds.join(',')} ≠ uses ${useIds.join(',')}`);
    }
  });

  const tools: Json[] = current.userInputMessageContext?.tools ?? [];
  if (
    current.userInputMessageContext !== undefined &&
    Object.keys(current.userInputMessageContext).length === 0
  ) {
    out.push('empty userInputMessageContext');
  }
  const defined = new Set(tools.map((tool) => String(tool.toolSpecification?.name)));
  const toolNames = tools.map((tool) => String(tool.toolSpecification?.name));
  if (new Set(toolNames).size !== toolNames.length) out.push('duplicate tool names');
  for (const tool of tools) {
    const spec = tool.toolSpecification;
    if (!namePattern.test(spec.name) || spec.name.length > 64)
      out.push(`bad tool name ${spec.name}`);
    if (typeof spec.description !== 'string' || spec.description.trim() === '') {
      out.push(`tool ${spec.name}: empty description`);
    }
    if (spec.description.length > 10_004) out.push(`tool ${spec.name}: description too long`);
    if (spec.inputSchema?.json?.type !== 'object')
      out.push(`tool ${spec.name}: schema not an object`);
  }
  const historyNames = history.flatMap((entry) =>
    (entry.assistantResponseMessage?.toolUses ?? []).map((use: Json) => String(use.name)),
  );
  const anyResults = sequence.some(
    (entry) => (entry.userInputMessage?.userInputMessageContext?.toolResults ?? []).length > 0,
  );
  if ((historyNames.length > 0 || anyResults) && tools.length === 0) {
    out.push('tool activity without tools');
  }
  for (const name of historyNames) {
    if (!namePattern.test(name) || name.length > 64) out.push(`bad history tool name ${name}`);
    if (!defined.has(name)) out.push(`history tool ${name} not defined`);
  }
  return out;
}
