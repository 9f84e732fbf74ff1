import type { Adaptation } from '@octoproxy/converters';

/** The response header listing what the gateway changed in the request so the upstream takes it. */
export const adaptationHeaderName = 'x-octoproxy-adapted';

/** Header values stay well under common proxy limits (8 KiB for all headers in nginx's default). */
const maxHeaderLength = 2048;

/** `%`, `;` (the entry separator) and anything outside printable ASCII, percent-encoded as UTF-8. */
function headerSafe(text: string): string {
  return text.replace(/[^\x20-\x7e]|[%;]/gu, (character) => encodeURIComponent(character));
}

/**
 * The header value, `kind=detail; kind=detail`, or undefined when nothing was changed. Details are
 * percent-encoded where a header cannot carry them; past the length bound the list ends with
 * `more=N` (the request log keeps every entry).
 */
export function adaptationHeaderValue(adaptations: readonly Adaptation[]): string | undefined {
  if (adaptations.length === 0) return undefined;
  const entries = adaptations.map(({ kind, detail }) => `${kind}=${headerSafe(detail)}`);
  let value = '';
  for (const [index, entry] of entries.entries()) {
    const next = value === '' ? entry : `${value}; ${entry}`;
    const more = `; more=${String(entries.length - index)}`;
    const room = index === entries.length - 1 ? maxHeaderLength : maxHeaderLength - more.length;
    if (next.length > room) return value === '' ? `more=${String(entries.length)}` : value + more;
    value = next;
  }
  return value;
}
