import { OctoProxyError } from '@octoproxy/converters';

/** Why an authenticated caller may not do this. Stable codes; sent as OpenAI `error.code`. */
export type PermissionErrorCode =
  'forbidden' | 'model_not_allowed' | 'password_change_required' | 'cross_site_request';

/** The caller is known but not allowed (HTTP 403). */
export class PermissionError extends OctoProxyError {
  declare readonly code: PermissionErrorCode;

  constructor(options: { code: PermissionErrorCode; message: string; param?: string }) {
    super({
      kind: 'permission',
      fault: 'client',
      code: options.code,
      message: options.message,
      param: options.param,
    });
  }
}
