import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The API server serves `dist/` at `/` with an SPA fallback; in development Vite serves the UI and
 * forwards `/api` so cookies stay same-origin either way.
 */
export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  // the manifest names the entry chunk and its static imports: what the bundle budget measures (infra/src/ops/bundle-budget.ts)
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, manifest: true },
});
