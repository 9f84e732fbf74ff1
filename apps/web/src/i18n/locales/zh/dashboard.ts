import type { dashboard as en } from '../en/dashboard';
import type { TranslationShape } from '../translation-shape';

export const dashboard: TranslationShape<typeof en> = {
  dashboard: {
    descriptionAdmin: '账户池健康状况与网关流量。',
    descriptionUser: '你的 API 密钥的流量。',
    noTraffic: '此时间段内没有请求。',
    byKey: '按 API 密钥统计',
    range: { '24h': '24 小时', '7d': '7 天', '30d': '30 天' },
    cards: {
      accounts: '账户',
      accountsDetail: '{{disabled}} 个已停用',
      healthy: '健康',
      cooling: '冷却中',
      unhealthy: '不健康',
      apiKeys: '有效 API 密钥',
      apiKeysDetail: '共 {{total}} 个',
      myKeys: '我的 API 密钥',
      requestsToday: '今日请求',
      requestsInRange_one: '此时间段 {{formatted}} 次请求',
      requestsInRange_other: '此时间段 {{formatted}} 次请求',
      tokens: 'Token',
      tokensDetail: '输入 {{input}} · 输出 {{output}}',
      errors: '错误',
      errorRate: '占请求的 {{rate}}',
      avgLatency: '平均延迟',
    },
    charts: {
      requests: '请求与错误',
      tokens: 'Token 用量',
      latency: '延迟',
    },
    series: {
      requests: '请求',
      errors: '错误',
      inputTokens: '输入 Token',
      outputTokens: '输出 Token',
      avgLatency: '平均',
      p95Latency: 'p95',
      ttfb: '首字节时间',
    },
  },
};
