import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// base './' keeps the build working under any sub-path (static hosting, issue #6).
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  server: { port: 5173 },
  worker: { format: 'es' },
  // Two pages: the app and the embeddable player (/embed/?scenario=...).
  build: { rollupOptions: { input: { main: 'index.html', embed: 'embed/index.html' } } },
  test: {
    // The engine's tests run in plain Node; UI tests opt into the DOM with a
    // `// @vitest-environment happy-dom` first line (React Flow needs happy-dom's ResizeObserver).
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    passWithNoTests: true,
    testTimeout: 30_000,
  },
});
