export const settings = {
  settings: {
    description: 'Gateway settings. Saved changes apply at once, without a restart, unless marked.',
    save: 'Save changes',
    discard: 'Discard',
    saved: 'Settings saved and applied.',
    savedRestart: 'Saved. Restart the server to apply: {{keys}}.',
    unsaved: 'You have unsaved changes.',
    liveHint: 'Changes apply live.',
    envOverride: 'set by environment',
    envOverrideHelp: 'An environment variable sets this value; change it there.',
    restartOnly: 'needs restart',
    none: 'none',
    on: 'on',
    off: 'off',
    defaultIs: '(Default: {{value}}.)',
    addAlias: 'Add alias',
    aliasFrom: 'Model name clients send',
    aliasTo: 'Model to serve',
    aliasFromRequired: 'Enter the name clients send.',
    aliasToRequired: 'Enter the model to serve.',
    aliasDuplicate: 'This name already has an alias.',
    keyPolicy: {
      maxKeys: 'Keys per user (0 = only admins create keys)',
      dailyLimit: 'Daily requests per key',
      rateLimitPerMinute: 'Requests per minute per key',
      allowedModels: 'Allowed models',
      unlimited: 'no limit',
    },
    units: { minutes: 'min', seconds: 's', hours: 'h', mib: 'MiB', bytes: 'bytes' },
    sections: {
      routing: 'Routing and retries',
      health: 'Health checks and usage sync',
      timeouts: 'Timeouts and limits',
      models: 'Models',
      images: 'Image URLs',
      security: 'Sessions and security',
      server: 'Server',
    },
    strategies: {
      lru: {
        label: 'Least recently used (lru)',
        description:
          'The account idle the longest serves next: spreads load and rests every account.',
      },
      round_robin: {
        label: 'Round robin',
        description: 'Strict rotation through the accounts in a fixed order.',
      },
      least_usage: {
        label: 'Least remaining quota first',
        description: 'Drains one account before touching the others.',
      },
      most_usage: {
        label: 'Most remaining quota first',
        description: 'Spreads consumption so remaining quotas level out.',
      },
      oldest_first: {
        label: 'Oldest first',
        description: 'Always the oldest healthy account: a primary with fallbacks.',
      },
      weighted: {
        label: 'Weighted',
        description: 'Shares traffic by each account’s weight, e.g. more for paid plans.',
      },
    },
    fields: {
      providerStrategy: {
        label: 'Account selection strategy',
        help: 'How the next account is chosen for a new conversation.',
      },
      retries: {
        label: 'Retries',
        help: 'Other accounts tried after a failure before the client gets an error (0–10).',
      },
      maxErrorCount: {
        label: 'Errors before unhealthy',
        help: 'Consecutive failures after which an account is taken out of rotation.',
      },
      stickyTtlMinutes: {
        label: 'Conversation stickiness',
        help: 'A conversation stays on the account that served it for this long (its prompt cache lives there). 0 turns it off.',
      },
      accountMaxConcurrency: {
        label: 'Concurrent requests per account',
        help: 'Default cap; an account’s own cap overrides it.',
      },
      accountRequestsPerMinute: {
        label: 'Requests per minute per account',
        help: 'Paces each account. 0 means no pacing.',
      },
      healthCheckIntervalMinutes: {
        label: 'Health check interval',
        help: 'How often accounts are checked. 0 turns periodic checks off.',
      },
      usageSyncIntervalMinutes: {
        label: 'Usage sync interval',
        help: 'How often quotas are read from Kiro. 0 turns it off.',
      },
      firstTokenTimeoutSeconds: {
        label: 'First-token timeout',
        help: 'Wait this long for the upstream to start answering before trying another account.',
      },
      idleTimeoutSeconds: {
        label: 'Idle timeout',
        help: 'A stream silent this long mid-answer ends with an error.',
      },
      keepaliveIntervalSeconds: {
        label: 'Keep-alive interval',
        help: 'Ping clients this often while the upstream is thinking (at most 600 s).',
      },
      shutdownGraceSeconds: {
        label: 'Shutdown grace period',
        help: 'Time running streams get to finish when the server stops.',
      },
      bodyLimitMb: {
        label: 'Request body limit',
        help: 'Larger requests are refused with 413 (at most 512 MiB).',
      },
      defaultModel: {
        label: 'Default model',
        help: 'Served when a client asks for a model nobody knows. Empty: such requests get 404.',
      },
      modelAliases: {
        label: 'Model aliases',
        help: 'Map the names clients send to the models to serve. A trailing * matches any suffix (claude-opus-* → claude-opus-4.5).',
      },
      imageFetchEnabled: {
        label: 'Download image URLs',
        help: 'Kiro accepts inline images only; the gateway downloads http(s) image URLs and inlines them.',
      },
      imageFetchMaxBytes: {
        label: 'Largest image',
        help: 'Larger downloads are refused.',
      },
      imageFetchTimeoutSeconds: {
        label: 'Image download timeout',
        help: 'At most 120 s.',
      },
      imageFetchAllowList: {
        label: 'Private hosts allowed',
        help: 'Private, loopback and link-local addresses are never fetched unless listed here (hosts or CIDR ranges).',
      },
      sessionExpireHours: {
        label: 'Session lifetime',
        help: 'A dashboard login lasts at most this long.',
      },
      sessionIdleMinutes: {
        label: 'Session idle timeout',
        help: 'A dashboard session unused this long ends.',
      },
      secureCookies: {
        label: 'Always HTTPS-only session cookie',
        help: 'The cookie is HTTPS-only anyway on requests that arrive over HTTPS (or through a trusted proxy that says so); this makes it so always.',
      },
      userKeyPolicy: {
        label: 'Users’ own API keys',
        help: 'What users who are not admins get when they create keys themselves. Only admins change a key’s limits.',
      },
      apiKeyMaxConcurrency: {
        label: 'Requests in flight per API key',
        help: 'So one key cannot hold every account slot (429 beyond). 0 means no limit.',
      },
      serverTools: {
        label: 'Anthropic server tools',
        help: 'Web search, web fetch and code execution cannot run on Kiro: reject answers 400 naming the tool; drop leaves them out and says so in the x-octoproxy-adapted header.',
      },
      imageFetchMaxPerRequest: {
        label: 'Image URLs per request',
        help: 'How many image URLs one request may ask the server to download (400 beyond).',
      },
      imageFetchMaxTotalBytes: {
        label: 'Images per request, in total',
        help: 'Bytes all image downloads of one request may add up to (400 beyond).',
      },
      imageFetchMaxInFlightBytes: {
        label: 'Image downloads in flight',
        help: 'Bytes of image downloads the whole server holds at once; beyond it a request gets 503 and may retry.',
      },
      allowedHosts: {
        label: 'Allowed host names',
        help: 'Names the admin API answers besides loopback and the listen address, e.g. the public name behind a TLS proxy. Others get 403 (stops DNS rebinding).',
      },
      metricsToken: {
        label: 'Metrics token',
        help: 'Bearer token /metrics requires (16+ characters). Empty: /metrics is open. Never shown once saved.',
      },
      requestTimeoutSeconds: {
        label: 'Request timeout',
        help: 'Seconds a client may take to send a whole request. Restart required.',
      },
      headersTimeoutSeconds: {
        label: 'Header timeout',
        help: 'Seconds a client may take to send the request headers. Restart required.',
      },
      maxConnections: {
        label: 'Connections at most',
        help: 'Open client connections accepted at once; more are refused. Restart required.',
      },
      trustProxy: {
        label: 'Trust the reverse proxy',
        help: 'Believe X-Forwarded-Proto from the proxy in front of the server. Turn on only behind a proxy that sets it.',
      },
      trustedOrigins: {
        label: 'Trusted origins',
        help: 'Other browser origins allowed to call the admin API, e.g. the public URL behind a TLS proxy.',
      },
      logLevel: { label: 'Log level', help: 'Detail of the server’s structured logs.' },
      debug: {
        label: 'Debug logging',
        help: 'Logs request and response shapes (never secrets).',
      },
      kiroVersion: {
        label: 'Kiro version announced',
        help: 'The Kiro IDE version the gateway presents upstream.',
      },
      host: { label: 'Listen address', help: 'Interface the server binds to.' },
      port: { label: 'Port', help: 'TCP port of the gateway and this dashboard.' },
    },
  },
} as const;
