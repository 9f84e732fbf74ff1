/**
 * A `search_result` block (a source the client retrieved, with a title and text passages) as text Kiro
 * takes: the title and source first, then the passages, so the model can still cite it by name.
 */
export function searchResultText(block: Record<string, unknown>): string {
  const title = typeof block.title === 'string' && block.title !== '' ? block.title : 'Untitled';
  const source =
    typeof block.source === 'string' && block.source !== '' ? ` (${block.source})` : '';
  const passages = Array.isArray(block.content)
    ? block.content.flatMap((item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { text?: unknown }).text === 'string'
          ? [(item as { text: string }).text]
          : [],
      )
    : [];
  return [`Search result: ${title}${source}`, ...passages].join('\n');
}
