import { TranslationOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { currentLanguage } from '../i18n/i18n';

/** Switches between Chinese and English; the detector stores the choice in localStorage. */
export function LanguageToggle() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const next = language === 'zh' ? 'en' : 'zh';
  return (
    <Tooltip title={t('layout.switchLanguage')}>
      <Button
        type="text"
        icon={<TranslationOutlined />}
        onClick={() => void i18n.changeLanguage(next)}
        aria-label={t('layout.switchLanguage')}
      >
        {next === 'zh' ? '中文' : 'English'}
      </Button>
    </Tooltip>
  );
}
