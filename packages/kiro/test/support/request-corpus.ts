import { claudeCodeCaptures } from '@octoproxy/fixtures';

const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } };
const bash = {
  name: 'Bash',
  description: 'Run a command',
  input_schema: { type: 'object', properties: { command: { type: 'string' } } },
};
const longName = `mcp__${'server_with_a_long_name_'.repeat(3)}__do-the-thing`;

function loop(id: string, name = 'Bash'): unknown[] {
  return [
    { role: 'user', content: 'please run it' },
    { role: 'assistant', content: [{ type: 'tool_use', id, name, input: { command: 'ls' } }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: 'a.txt' }] },
  ];
}

/** Anthropic request bodies that each exercise one sanitizer rule (plus the real captures). */
export const requestCorpus: readonly { name: string; body: Record<string, unknown> }[] = [
  ...claudeCodeCaptures.map((capture) => ({ name: capture.name, body: capture.body })),
  {
    name: 'images in history',
    body: {
      messages: [
        ...Array.from({ length: 7 }, (_, turn) => [
          { role: 'user', content: [image, image, { type: 'text', text: `look ${turn}` }] },
          { role: 'assistant', content: 'seen' },
        ]).flat(),
        { role: 'user', content: [image, { type: 'text', text: 'and this one' }] },
      ],
    },
  },
  {
    name: 'orphan tool_use',
    body: {
      tools: [bash],
      messages: [
        { role: 'user', content: 'go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'lost', name: 'Bash', input: {} }] },
        { role: 'user', content: 'never mind' },
      ],
    },
  },
  {
    name: 'orphan and duplicate tool_result',
    body: {
      tools: [bash],
      messages: [
        ...loop('t1'),
        { role: 'assistant', content: 'done' },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 't1', content: 'again' },
            { type: 'text', text: 'what now?' },
          ],
        },
      ],
    },
  },
  { name: 'tools omitted with tool history', body: { messages: loop('t1') } },
  {
    name: '100 tools',
    body: {
      tools: Array.from({ length: 100 }, (_, index) => ({ ...bash, name: `tool_${index}` })),
      messages: loop('t1', 'tool_7'),
    },
  },
  {
    name: '20 KB descriptions',
    body: { tools: [{ ...bash, description: 'Explains. '.repeat(2_000) }], messages: loop('t1') },
  },
  {
    name: 'names over 64 characters',
    body: { tools: [{ ...bash, name: longName }], messages: loop('t1', longName) },
  },
  {
    name: 'prefill',
    body: {
      messages: [
        { role: 'user', content: 'Answer in JSON' },
        { role: 'assistant', content: '{"answer":' },
      ],
    },
  },
  {
    name: 'consecutive users',
    body: {
      messages: [
        { role: 'user', content: 'one' },
        { role: 'user', content: [{ type: 'text', text: 'two' }] },
        { role: 'system', content: 'mid-conversation system' },
        { role: 'user', content: 'three' },
      ],
    },
  },
  {
    name: 'empty text blocks',
    body: {
      messages: [
        { role: 'user', content: [{ type: 'text', text: '' }] },
        { role: 'assistant', content: [{ type: 'text', text: '' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: ' ' },
            { type: 'text', text: 'hi' },
          ],
        },
      ],
    },
  },
  {
    name: 'leading assistant, nulls in schemas, Anthropic-defined client tools',
    body: {
      tools: [
        { type: 'bash_20250124', name: 'bash' },
        { type: 'text_editor_20250728', name: 'str_replace_based_edit_tool' },
        {
          type: 'computer_20250124',
          name: 'computer',
          display_width_px: 1280,
          display_height_px: 800,
        },
        { type: 'memory_20250818', name: 'memory' },
        {
          name: 'Nullable',
          input_schema: { type: 'object', properties: { a: { default: null } } },
        },
      ],
      tool_choice: { type: 'any' },
      messages: [
        { role: 'assistant', content: 'Hi, how can I help?' },
        { role: 'user', content: 'help' },
      ],
    },
  },
  {
    name: 'search results and nested empty keys in a replayed tool input',
    body: {
      tools: [bash],
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'search_result',
              source: 'https://example.com/a',
              title: 'A',
              content: [{ type: 'text', text: 'alpha' }],
            },
            { type: 'text', text: 'run it' },
          ],
        },
        {
          role: 'assistant',
          content: [
            {
              type: 'tool_use',
              id: 'n1',
              name: 'Bash',
              input: { command: 'ls', env: { '': 'x', A: { '': 1 } } },
            },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'n1', content: 'ok' }] },
      ],
    },
  },
  {
    name: 'reused tool ids across turns',
    body: {
      tools: [bash],
      messages: [
        ...loop('same'),
        { role: 'assistant', content: [{ type: 'tool_use', id: 'same', name: 'Bash', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'same', content: 'b' }] },
      ],
    },
  },
];
