import type { integration as en } from '../en/integration';
import type { TranslationShape } from '../translation-shape';

export const integration: TranslationShape<typeof en> = {
  integration: {
    description: '让你的工具接入此网关：复制下面的配置即可。',
    apiKey: '你的 API 密钥',
    apiKeyHelp: '粘贴密钥即可填入下方配置。密钥只留在本页面，不会保存。',
    model: '模型',
    smallModel: '后台模型（Claude Code）',
    baseUrls: 'Anthropic 客户端使用 {{origin}}；OpenAI 客户端使用 {{origin}}/v1。',
    noKeyYet: '还没有密钥？请前往',
    groups: {
      agents: '编程智能体',
      editors: '编辑器',
      sdks: 'SDK',
      curl: 'curl',
    },
    snippets: {
      claudeCode: { title: 'Claude Code', hint: '添加到' },
      claudeCodeShell: { title: 'Claude Code（环境变量）', hint: '在此运行：' },
      codex: {
        title: 'Codex CLI',
        hint: 'Codex CLI 使用 OpenAI Responses API，本网关在 /v1/responses 提供。添加到',
      },
      cursor: {
        title: 'Cursor',
        hint: 'Cursor 从其自身的服务器发起调用：网关必须能通过 HTTPS 从公网访问。设置位置：',
      },
      continue: { title: 'Continue', hint: '添加到' },
      aider: { title: 'Aider', hint: '在此运行：' },
      openaiPython: { title: 'OpenAI SDK（Python）', hint: '安装：' },
      openaiNode: { title: 'OpenAI SDK（Node.js）', hint: '安装：' },
      anthropicPython: { title: 'Anthropic SDK（Python）', hint: '安装：' },
      anthropicNode: { title: 'Anthropic SDK（Node.js）', hint: '安装：' },
      curlOpenai: { title: 'OpenAI Chat Completions', hint: '在此运行：' },
      curlAnthropic: { title: 'Anthropic Messages', hint: '在此运行：' },
    },
  },
};
