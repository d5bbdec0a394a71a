/**
 * The benchmarks run on a production bundle of the core (as the browser gets it), not on
 * TypeScript compiled module by module on the fly: `npm run bench` builds this first.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'bench/run.ts',
    outDir: 'node_modules/.bench',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
  },
  publicDir: false,
  logLevel: 'warn',
});
