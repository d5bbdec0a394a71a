/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'

/**
 * The dev server runs without index.html's Content-Security-Policy: its React refresh preamble
 * and the styles it injects are inline. The build keeps the policy.
 */
function withoutCspInDev(): Plugin {
  return {
    name: 'without-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  }
}

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    withoutCspInDev(),
    // A service worker (built only, none in the dev server) precaches every built file, lazy
    // chunks, the worker, the PDF font and the JSON Schema included, so that the app works offline
    // once loaded. A new version waits until the biller chooses to reload (src/app/update-prompt.tsx).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,ttf,json}'],
        // The built-in reference data (src/core/reference-data/builtin) is about 5 MB; Workbox
        // leaves out files over 2 MiB unless told, and the app would then not have it offline.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // The app routes with the hash: every page is index.html, and no other address needs it.
        navigateFallback: null,
        clientsClaim: true,
      },
    }),
  ],
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
