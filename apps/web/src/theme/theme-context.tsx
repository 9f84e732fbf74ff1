import { createContext, useContext } from 'react';

import type { ThemeMode } from './theme-mode';

export interface ThemeModeState {
  mode: ThemeMode;
  setMode: (mode: ThemeMode) => void;
}

export const ThemeModeContext = createContext<ThemeModeState>({
  mode: 'light',
  setMode: () => undefined,
});

export function useThemeMode(): ThemeModeState {
  return useContext(ThemeModeContext);
}
