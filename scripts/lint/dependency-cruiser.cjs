/**
 * The import layers of the app (design.md "One direction"), checked by `npm run lint`:
 *   app → features → components and storage → core, and the command line → core.
 * A feature does not import another feature: the app composes them, or a shared place (src/core,
 * src/components) holds what several need. No import cycles anywhere. Type-only imports count.
 * src/lint.test.ts shows each rule failing on an injected break.
 */
/** Packages the pure core may use: the schema, exact fractions and the PDF writer with its font engine. */
const CORE_PACKAGES = ['zod', 'fraction\\.js', 'pdf-lib', '@pdf-lib/fontkit'];
const UI_FOLDERS = '^src/(app|features|components|main\\.tsx)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'The core imports no package but its own few (no React, TanStack, react-hook-form, idb, Vite), and no Node module: it runs unchanged in the browser and in the command line.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.tsx?$' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core', 'unknown', 'undetermined'],
        pathNot: `(^|/)node_modules/(${CORE_PACKAGES.join('|')})/`,
      },
    },
    {
      name: 'core-imports-only-core',
      comment: 'The core imports nothing from the app, the features, the shared components, the command line or the test helpers.',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'core-tests-stay-below-the-ui',
      comment: "The core's tests may use the test helpers and the command line's Node adapters, never the UI.",
      severity: 'error',
      from: { path: '^src/core/.*\\.test\\.tsx?$' },
      to: { path: UI_FOLDERS },
    },
    {
      name: 'components-import-no-feature',
      comment: 'Shared components serve every feature, so they import none (nor the app).',
      severity: 'error',
      from: { path: '^src/components/' },
      to: { path: '^src/(app|features|cli)/' },
    },
    {
      name: 'storage-imports-only-core',
      comment: 'The claims kept in the browser (src/storage) serve every feature: they import only the core.',
      severity: 'error',
      from: { path: '^src/storage/' },
      to: { path: '^src/', pathNot: '^src/(core|storage)/' },
    },
    {
      name: 'features-import-no-other-feature',
      comment: 'A feature does not import another feature: the app composes them, or a shared place holds what several need.',
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/', pathNot: '^src/features/$1/' },
    },
    {
      name: 'features-do-not-import-the-app',
      comment: 'The app composes the features; a feature does not reach back into the app.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/(app|main\\.tsx)' },
    },
    {
      name: 'cli-imports-no-ui',
      comment: 'The command line runs the core in Node: nothing from the app, a feature or a component.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: UI_FOLDERS },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles: each module can be understood (and tree-shaken) from the ones below it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // TypeScript reads the sources (TypeScript 5: see typescript-5.mjs), type-only imports included.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
