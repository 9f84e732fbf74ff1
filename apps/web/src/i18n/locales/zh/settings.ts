import type { settings as en } from '../en/settings';
import type { TranslationShape } from '../translation-shape';

export const settings: TranslationShape<typeof en> = {
  settings: {
    description: '网关设置。保存后立即生效，无需重启（标注的除外）。',
    save: '保存更改',
    discard: '放弃更改',
    saved: '设置已保存并生效。',
    savedRestart: '已保存。需重启服务器才能生效：{{keys}}。',
    unsaved: '有未保存的更改。',
    liveHint: '更改即时生效。',
    envOverride: '由环境变量设置',
    envOverrideHelp: '此值由环境变量设置，请在那里修改。',
    restartOnly: '需重启',
    none: '无',
    on: '开',
    off: '关',
    defaultIs: '（默认：{{value}}。）',
    addAlias: '添加别名',
    aliasFrom: '客户端发送的模型名',
    aliasTo: '实际使用的模型',
    aliasFromRequired: '请输入客户端发送的模型名。',
    aliasToRequired: '请输入实际使用的模型。',
    aliasDuplicate: '此名称已有别名。',
    keyPolicy: {
      maxKeys: '每个用户的密钥数（0 = 仅管理员可创建）',
      dailyLimit: '每个密钥每日请求数',
      rateLimitPerMinute: '每个密钥每分钟请求数',
      allowedModels: '允许的模型',
      unlimited: '不限',
    },
    units: { minutes: '分钟', seconds: '秒', hours: '小时', mib: 'MiB', bytes: '字节' },
    sections: {
      routing: '路由与重试',
      health: '健康检查与用量同步',
      timeouts: '超时与限制',
      models: '模型',
      images: '图片 URL',
      security: '会话与安全',
      server: '服务器',
    },
    strategies: {
      lru: {
        label: '最近最少使用（lru）',
        description: '空闲最久的账户优先：均匀分摊负载，让每个账户都得到休息。',
      },
      round_robin: { label: '轮询', description: '按固定顺序严格轮流使用各账户。' },
      least_usage: { label: '剩余额度最少优先', description: '先用完一个账户，再使用其他账户。' },
      most_usage: {
        label: '剩余额度最多优先',
        description: '均衡消耗，使各账户剩余额度趋于一致。',
      },
      oldest_first: {
        label: '最早添加优先',
        description: '始终使用最早的健康账户：主账户加备用账户。',
      },
      weighted: { label: '加权', description: '按各账户的权重分配流量，例如付费账户多分一些。' },
    },
    fields: {
      providerStrategy: { label: '账户选择策略', help: '新会话如何选择下一个账户。' },
      retries: {
        label: '重试次数',
        help: '失败后改用其他账户重试的次数，之后才向客户端返回错误（0–10）。',
      },
      maxErrorCount: {
        label: '判定不健康的错误次数',
        help: '连续失败达到此次数后，账户退出轮换。',
      },
      stickyTtlMinutes: {
        label: '会话粘滞时间',
        help: '一个会话在此时间内固定使用同一账户（提示缓存在该账户上）。0 表示关闭。',
      },
      accountMaxConcurrency: { label: '每账户并发请求数', help: '默认上限；账户自身的上限优先。' },
      accountRequestsPerMinute: {
        label: '每账户每分钟请求数',
        help: '为每个账户限速。0 表示不限速。',
      },
      healthCheckIntervalMinutes: {
        label: '健康检查间隔',
        help: '多久检查一次账户。0 表示关闭定期检查。',
      },
      usageSyncIntervalMinutes: {
        label: '用量同步间隔',
        help: '多久从 Kiro 读取一次额度。0 表示关闭。',
      },
      firstTokenTimeoutSeconds: {
        label: '首 Token 超时',
        help: '等待上游开始响应的时间，超时后改用其他账户。',
      },
      idleTimeoutSeconds: { label: '空闲超时', help: '响应中途沉默超过此时间，流将以错误结束。' },
      keepaliveIntervalSeconds: {
        label: '保活间隔',
        help: '上游思考期间向客户端发送心跳的间隔（最多 600 秒）。',
      },
      shutdownGraceSeconds: {
        label: '停机宽限期',
        help: '服务器停止时，给进行中的流留出的完成时间。',
      },
      bodyLimitMb: { label: '请求体上限', help: '更大的请求返回 413（最多 512 MiB）。' },
      defaultModel: {
        label: '默认模型',
        help: '客户端请求未知模型时使用。留空则此类请求返回 404。',
      },
      modelAliases: {
        label: '模型别名',
        help: '把客户端发送的模型名映射到实际模型。结尾的 * 匹配任意后缀（claude-opus-* → claude-opus-4.5）。',
      },
      imageFetchEnabled: {
        label: '下载图片 URL',
        help: 'Kiro 只接受内联图片；网关会下载 http(s) 图片并内联。',
      },
      imageFetchMaxBytes: { label: '图片大小上限', help: '更大的下载会被拒绝。' },
      imageFetchTimeoutSeconds: { label: '图片下载超时', help: '最多 120 秒。' },
      imageFetchAllowList: {
        label: '允许的内网主机',
        help: '私有、回环和链路本地地址默认不下载，除非列在这里（主机名或 CIDR）。',
      },
      sessionExpireHours: { label: '会话有效期', help: '管理界面登录最长有效时间。' },
      sessionIdleMinutes: { label: '会话空闲超时', help: '管理界面会话闲置超过此时间即结束。' },
      secureCookies: {
        label: '始终仅 HTTPS 会话 Cookie',
        help: '通过 HTTPS（或受信任代理声明的 HTTPS）到达的请求本来就会使用仅 HTTPS 的 Cookie；开启后始终如此。',
      },
      userKeyPolicy: {
        label: '用户自建的 API 密钥',
        help: '非管理员用户自行创建密钥时所得的限制。只有管理员可以修改密钥的限制。',
      },
      apiKeyMaxConcurrency: {
        label: '每个 API 密钥的并发请求',
        help: '避免单个密钥占满所有账号的并发位（超出返回 429）。0 表示不限制。',
      },
      serverTools: {
        label: 'Anthropic 服务端工具',
        help: '网页搜索、网页抓取和代码执行无法在 Kiro 上运行：reject 返回 400 并指明工具；drop 将其移除并在 x-octoproxy-adapted 响应头中说明。',
      },
      imageFetchMaxPerRequest: {
        label: '每个请求的图片 URL 数',
        help: '单个请求最多可让服务器下载的图片 URL 数（超出返回 400）。',
      },
      imageFetchMaxTotalBytes: {
        label: '每个请求的图片总大小',
        help: '单个请求所有图片下载的总字节数上限（超出返回 400）。',
      },
      imageFetchMaxInFlightBytes: {
        label: '同时下载的图片大小',
        help: '整个服务器同时持有的图片下载字节数；超出时请求返回 503，可重试。',
      },
      allowedHosts: {
        label: '允许的主机名',
        help: '除回环地址和监听地址外，管理 API 还响应的主机名（例如 TLS 代理后的公网域名）。其他主机名返回 403（防御 DNS 重绑定）。',
      },
      metricsToken: {
        label: '指标令牌',
        help: '/metrics 需要的 Bearer 令牌（至少 16 个字符）。留空则 /metrics 公开。保存后不再显示。',
      },
      requestTimeoutSeconds: {
        label: '请求超时',
        help: '客户端发送完整请求的最长秒数。需要重启。',
      },
      headersTimeoutSeconds: {
        label: '请求头超时',
        help: '客户端发送请求头的最长秒数。需要重启。',
      },
      maxConnections: {
        label: '最大连接数',
        help: '同时接受的客户端连接数；超出的连接会被拒绝。需要重启。',
      },
      trustProxy: {
        label: '信任反向代理',
        help: '采信前置代理发送的 X-Forwarded-Proto。仅在代理会设置该头时开启。',
      },
      trustedOrigins: {
        label: '受信任的来源',
        help: '允许调用管理 API 的其他浏览器来源，例如 TLS 反向代理后的公网地址。',
      },
      logLevel: { label: '日志级别', help: '服务器结构化日志的详细程度。' },
      debug: { label: '调试日志', help: '记录请求与响应的结构（从不记录密钥）。' },
      kiroVersion: { label: '声明的 Kiro 版本', help: '网关向上游声明的 Kiro IDE 版本。' },
      host: { label: '监听地址', help: '服务器绑定的网络接口。' },
      port: { label: '端口', help: '网关和管理界面的 TCP 端口。' },
    },
  },
};
