import type { logs as en } from '../en/logs';
import type { TranslationShape } from '../translation-shape';

export const logs: TranslationShape<typeof en> = {
  logs: {
    description: '每个经过代理的请求，最新的在前。',
    empty: '没有匹配的请求。',
    time: '时间',
    apiKey: 'API 密钥',
    account: '账户',
    model: '模型',
    route: '路由',
    stream: '流式',
    status: '状态码',
    outcome: '结果',
    success: '成功',
    error: '错误',
    tokens: 'Token 输入 / 输出',
    tokensTooltip:
      '输入 {{input}} · 输出 {{output}} · 缓存读取 {{cacheRead}} · 缓存写入 {{cacheWrite}}',
    latency: '延迟',
    ttfb: '首字节',
    attempts: '尝试次数',
    total_one: '共 {{count}} 个请求',
    total_other: '共 {{count}} 个请求',
    requestId: '请求 ID',
    errorCode: '错误',
    clientIp: '客户端 IP',
    userAgent: 'User-Agent',
    cacheTokens: '缓存读取 / 写入 Token',
    credits: '额度消耗',
  },
};
