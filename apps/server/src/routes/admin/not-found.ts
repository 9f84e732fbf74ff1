import { OctoProxyError } from '@octoproxy/converters';

/** The `:id` of an admin route names nothing (or nothing the caller may see). */
export function notFound(what: string, id: string): OctoProxyError {
  return new OctoProxyError({
    kind: 'not_found',
    fault: 'client',
    code: 'not_found',
    message: `No ${what} with id ${id}.`,
  });
}
