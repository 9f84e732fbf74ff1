/**
 * The upstream's error answers, with the exact messages and reasons of kiro-protocol.md §7.1.
 * `rule` names the simulator check that produced a 400, for the request log and a response header.
 */
export interface AwsError {
  status: number;
  errorType: string;
  message: string;
  reason: string | null;
  rule?: string;
  retryAfterSeconds?: number;
}

export function improperlyFormed(rule: string, reason: string | null = null): AwsError {
  return {
    status: 400,
    errorType: 'ValidationException',
    message: 'Improperly formed request.',
    reason,
    rule,
  };
}

export function inputTooLong(rule: string): AwsError {
  return {
    status: 400,
    errorType: 'ValidationException',
    message: 'Input is too long.',
    reason: 'CONTENT_LENGTH_EXCEEDS_THRESHOLD',
    rule,
  };
}

export function invalidModel(rule: string): AwsError {
  return {
    status: 400,
    errorType: 'ValidationException',
    message: 'Invalid model. Please select a different model to continue.',
    reason: 'INVALID_MODEL_ID',
    rule,
  };
}

export function profileArnRequired(): AwsError {
  return {
    status: 400,
    errorType: 'ValidationException',
    message: 'profileArn is required for this request.',
    reason: null,
    rule: 'profile-arn-required',
  };
}

export function invalidProfileArn(): AwsError {
  return {
    status: 400,
    errorType: 'ValidationException',
    message: 'Invalid profileArn.',
    reason: null,
    rule: 'profile-arn-match',
  };
}

export function bearerTokenInvalid(rule: string): AwsError {
  return {
    status: 403,
    errorType: 'AccessDeniedException',
    message: 'The bearer token included in the request is invalid.',
    reason: null,
    rule,
  };
}

/** What `q.{region}` answers a token of an account that lives in the other API region (ZKRS). */
export function invalidTokenForRegion(): AwsError {
  return {
    status: 403,
    errorType: 'AccessDeniedException',
    message: 'Invalid token',
    reason: null,
    rule: 'api-region',
  };
}

export function suspended(userId: string): AwsError {
  return {
    status: 403,
    errorType: 'AccessDeniedException',
    message: `Your User ID (${userId}) temporarily is suspended. We've locked your account as a security precaution.`,
    reason: 'TEMPORARILY_SUSPENDED',
  };
}

export function builderIdNotSupported(): AwsError {
  return {
    status: 403,
    errorType: 'AccessDeniedException',
    message: 'AWS Builder ID is not supported for this operation.',
    reason: null,
    rule: 'builder-id-profiles',
  };
}

export function throttled(options: {
  userId: string;
  suspicious?: boolean | undefined;
  retryAfterSeconds?: number | undefined;
}): AwsError {
  const error: AwsError = {
    status: 429,
    errorType: 'ThrottlingException',
    message: options.suspicious
      ? `Due to suspicious activity, we are imposing temporary limits on how frequently your account (${options.userId}) can send a request to Kiro while we investigate.`
      : 'Rate exceeded',
    reason: null,
  };
  if (options.retryAfterSeconds !== undefined) error.retryAfterSeconds = options.retryAfterSeconds;
  return error;
}

export function modelOverloaded(): AwsError {
  return {
    status: 429,
    errorType: 'ThrottlingException',
    message: 'I am experiencing high traffic, please try again shortly.',
    reason: 'INSUFFICIENT_MODEL_CAPACITY',
  };
}

export function quotaExhausted(rule?: string): AwsError {
  const error: AwsError = {
    status: 402,
    errorType: 'ServiceQuotaExceededException',
    message: 'You have reached the limit.',
    reason: 'MONTHLY_REQUEST_COUNT',
  };
  if (rule !== undefined) error.rule = rule;
  return error;
}

export function serverError(status: 500 | 502 | 503 | 504, highLoad: boolean): AwsError {
  if (status === 500 && highLoad) {
    return {
      status,
      errorType: 'InternalServerException',
      message: 'Encountered unexpectedly high load when processing the request, please try again.',
      reason: 'MODEL_TEMPORARILY_UNAVAILABLE',
    };
  }
  const messages = {
    500: 'Encountered an unexpected error when processing the request, please try again.',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return {
    status,
    errorType: status === 500 ? 'InternalServerException' : 'ServiceUnavailableException',
    message: messages[status],
    reason: null,
  };
}

/**
 * A host that does not exist (e.g. `q.us-west-2.amazonaws.com`): a real client fails DNS resolution;
 * the simulator answers 404 with this body so the mistake is obvious.
 */
export function unknownHost(host: string): AwsError {
  return {
    status: 404,
    errorType: 'UnknownHostException',
    message: `getaddrinfo ENOTFOUND ${host} (no such host upstream; simulated)`,
    reason: 'UNKNOWN_HOST',
    rule: 'unknown-host',
  };
}

export function unknownOperation(what: string): AwsError {
  return {
    status: 404,
    errorType: 'UnknownOperationException',
    message: `Unknown operation ${what}`,
    reason: null,
    rule: 'unknown-operation',
  };
}

const streamExceptionMessages: Record<string, string> = {
  ContentLengthExceededException: 'Response exceeded the maximum output length.',
  ThrottlingException: 'Rate exceeded',
  InternalServerException:
    'Encountered an unexpected error when processing the request, please try again.',
  ValidationException: 'Improperly formed request.',
};

/** The `{"message"}` of an in-stream exception frame of this type. */
export function streamExceptionMessage(exceptionType: string): string {
  return Object.hasOwn(streamExceptionMessages, exceptionType)
    ? (streamExceptionMessages[exceptionType] ?? '')
    : `${exceptionType} (simulated)`;
}
