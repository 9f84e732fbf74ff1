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
    accounts: {
      title: '添加 Kiro 账户',
      intro: '“账户 → 添加账户”包含所有方式；每个账户在保存前都会向 Kiro 验证，并以其邮箱命名。',
      social:
        'Google 或 GitHub：在 Kiro 的页面登录。服务器运行在你自己的电脑上时会自动完成；否则请复制浏览器最终停留的地址（kiro://…）并粘贴回来。',
      device:
        'AWS Builder ID 和 IAM Identity Center：在 AWS 的页面输入显示的登录码。Identity Center 还需要起始 URL 及其 SSO 区域。',
      apiKey: 'Kiro API 密钥：粘贴 ksk_… 密钥（付费套餐）。',
      entra: 'Microsoft Entra ID：粘贴 Kiro IDE 登录后写入的令牌文件。',
      files:
        '令牌文件：拖入 kiro-auth-token.json 及其 <clientIdHash>.json、AWS SSO 缓存文件或 JSON 列表，或导入服务器在其所在机器上找到的文件。',
      move: '迁移到另一个 OctoProxy：在账户页面“导出”（设置口令），再在对方“添加账户 → 导入导出包”。',
      open: '打开账户页面',
    },
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
