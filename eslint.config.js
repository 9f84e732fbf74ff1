import { createConfig } from '@octoproxy/eslint-config';

export default createConfig({ tsconfigRootDir: import.meta.dirname });
