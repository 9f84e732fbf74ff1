import { theme, type ThemeConfig } from 'antd';

export type ThemeMode = 'light' | 'dark';

export const themeStorageKey = 'octoproxy.theme';

/** The stored choice, else light (the default look). */
export function initialThemeMode(): ThemeMode {
  const stored = readStorage(themeStorageKey);
  if (stored === 'light' || stored === 'dark') return stored;
  return 'light';
}

export function storeThemeMode(mode: ThemeMode): void {
  try {
    window.localStorage.setItem(themeStorageKey, mode);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

const sharedTokens: ThemeConfig['token'] = {
  colorPrimary: '#2f6fed',
  borderRadius: 6,
  fontSize: 14,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
};

/** Ant Design theme for a mode: compact-ish density, one primary colour. */
export function themeConfig(mode: ThemeMode): ThemeConfig {
  return {
    algorithm: mode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: sharedTokens,
    components: {
      Layout:
        mode === 'dark'
          ? { headerBg: '#141414', siderBg: '#0d1117' }
          : { bodyBg: '#f5f7fa', headerBg: '#ffffff', siderBg: '#001529' },
      Menu: mode === 'dark' ? { darkItemBg: '#0d1117' } : {},
      Table: { cellPaddingBlockSM: 6 },
      Card: { paddingLG: 20 },
    },
  };
}
