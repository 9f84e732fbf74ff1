import type { accountState as en } from '../en/account-state';
import type { TranslationShape } from '../translation-shape';

export const accountState: TranslationShape<typeof en> = {
  accountState: {
    needsSignIn: '需要重新登录',
    needsSignInHelp: '刷新令牌已被撤销或过期：请用此账号重新登录，或替换其凭据。',
    reasons: {
      unknown_host: 'API 区域没有 Kiro 服务',
      wrong_region: 'API 区域错误',
      invalid_profile: '没有有效的 Profile',
      refresh_revoked: '登录已被撤销',
      refresh_failed: '令牌刷新失败',
      token_expired: '令牌被拒绝',
      forbidden: '访问被拒绝',
    },
    lastError: '最近错误',
    lastErrorAt: '{{time}}',
    noError: '无错误',
    apiRegion: 'API 区域',
    startUrl: '起始 URL',
    profileArn: 'Profile ARN',
    planTier: '套餐',
    creditPools: '额度',
    noPools: '尚未同步',
    poolKinds: {
      base: '每月',
      'free-trial': '免费试用',
      bonus: '奖励',
      overage: '超额',
    },
    poolUsage: '{{used}} / {{limit}}',
    resets: '{{time}} 重置',
    expires: '{{time}} 到期',
    expired: '已于 {{time}} 到期',
  },
};
