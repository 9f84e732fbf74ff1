import { isPlainObject, jsonBodyOf, type Exchange } from '../../http/exchange';

/** Operation parameters: the query string (REST style) or the JSON body (awsJson style). */
export type ApiParams = Record<string, string | undefined>;

export function paramsOf(exchange: Exchange, style: 'rest' | 'awsJson'): ApiParams {
  if (style === 'rest') return Object.fromEntries(exchange.url.searchParams);
  const body = jsonBodyOf(exchange);
  if (!isPlainObject(body)) return {};
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}
