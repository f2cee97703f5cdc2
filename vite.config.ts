/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the built app works from any sub-path (GitHub Pages, a docs site's static folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: true, target: 'es2022' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          testTimeout: 30_000,
          include: ['core/**/*.test.ts'],
          benchmark: { include: ['core/**/*.bench.ts'] },
        },
      },
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['app/**/*.test.{ts,tsx}'],
          setupFiles: ['app/test-setup.ts'],
        },
      },
    ],
  },
});
