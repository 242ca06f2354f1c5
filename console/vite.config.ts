import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const consoleDir = fileURLToPath(new URL('.', import.meta.url));

// Built with `npx vite build --config console/vite.config.ts` from the repository root.
// The server serves console/dist at `/` and falls back to index.html for non-API paths.
export default defineConfig({
  root: consoleDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite --config console/vite.config.ts` during development, with the API on :8080.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
