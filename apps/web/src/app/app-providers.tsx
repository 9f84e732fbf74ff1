import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { i18n } from 'i18next';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';

import type { AdminApiClient } from '../api/api-client';
import { ApiClientContext } from '../api/api-client-context';
import { currentLanguage } from '../i18n/i18n';
import { describeError } from '../lib/describe-error';
import { ThemeModeContext } from '../theme/theme-context';
import { initialThemeMode, storeThemeMode, themeConfig, type ThemeMode } from '../theme/theme-mode';
import { createQueryClient } from './create-query-client';

/** Query client whose errors become antd notifications in the current language. */
function QueryLayer({ children }: { children: ReactNode }) {
  const { notification } = AntApp.useApp();
  const { t } = useTranslation();
  const notify = useRef<(error: unknown) => void>(() => undefined);
  useEffect(() => {
    notify.current = (error) =>
      notification.error({ message: t('errors.title'), description: describeError(error, t) });
  }, [notification, t]);
  const [queryClient] = useState(() =>
    createQueryClient({ onError: (error) => notify.current(error) }),
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

/** antd theme and locale follow the theme toggle and the i18next language. */
function LocalizedTheme({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const language = currentLanguage(instance);
  const [mode, setModeState] = useState<ThemeMode>(initialThemeMode);
  useEffect(() => {
    dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const themeState = useMemo(
    () => ({
      mode,
      setMode: (next: ThemeMode) => {
        storeThemeMode(next);
        setModeState(next);
      },
    }),
    [mode],
  );
  return (
    <ThemeModeContext.Provider value={themeState}>
      <ConfigProvider
        theme={themeConfig(mode)}
        locale={language === 'zh' ? zhCN : enUS}
        componentSize="middle"
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </ThemeModeContext.Provider>
  );
}

/** Everything a page needs around it: i18n, theme, the API client and the query cache. */
export function AppProviders(props: {
  i18n: i18n;
  apiClient: AdminApiClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={props.i18n}>
      <LocalizedTheme>
        <ApiClientContext.Provider value={props.apiClient}>
          <QueryLayer>{props.children}</QueryLayer>
        </ApiClientContext.Provider>
      </LocalizedTheme>
    </I18nextProvider>
  );
}
