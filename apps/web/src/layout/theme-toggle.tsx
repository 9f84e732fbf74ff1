import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

import { useThemeMode } from '../theme/theme-context';

export function ThemeToggle() {
  const { t } = useTranslation();
  const { mode, setMode } = useThemeMode();
  const label = mode === 'dark' ? t('layout.lightTheme') : t('layout.darkTheme');
  return (
    <Tooltip title={label}>
      <Button
        type="text"
        aria-label={label}
        icon={mode === 'dark' ? <SunOutlined /> : <MoonOutlined />}
        onClick={() => setMode(mode === 'dark' ? 'light' : 'dark')}
      />
    </Tooltip>
  );
}
