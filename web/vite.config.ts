import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The viewer is built into dist/web, which the aggregator serves at `/`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
