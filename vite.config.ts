/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    // Every browser the app targets supports <link rel="modulepreload">.
    // Heavy features (e.g. PDF output) must be loaded with `await import()`
    // so the first screen stays small.
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'node',
    // Explicit, so that vitest never picks up the Playwright specs in e2e/.
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
  },
})
