import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `pnpm dev` sends API calls: the server started with `pnpm --filter @octoproxy/server dev`. */
const serverUrl = process.env.OCTOPROXY_SERVER_URL ?? 'http://127.0.0.1:9091';
const proxied = ['/api', '/v1', '/health', '/metrics'];

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: serverUrl }])),
  },
  build: {
    outDir: 'dist',
    // The server never serves maps; building none keeps the sources out of the deployed folder too.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // recharts has no chunk of its own: a named chunk shares its helpers with the entry, which
        // then imports it statically and the login page downloads the charts.
        manualChunks: {
          react: ['react', 'react-dom', 'react-router'],
          antd: ['antd', '@ant-design/icons'],
        },
      },
    },
  },
});
