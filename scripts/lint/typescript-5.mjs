/**
 * Lets dependency-cruiser read TypeScript with TypeScript 5 while the project compiles with
 * TypeScript 7, whose `typescript` package has no JavaScript API. Loaded with `node --import`
 * before the linter: every request for `typescript` (its package.json by `require`, the compiler by
 * `import`) is resolved from this folder, where package.json installs TypeScript 5. Nothing else
 * changes.
 */
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = new URL('./package.json', import.meta.url);
const IS_TYPESCRIPT = /^typescript(?:\/|$)/;
/** A module in this folder, as the parent of the request. */
// @ts-expect-error Node's CommonJS module paths helper is not in its type definitions.
const parent = { id: fileURLToPath(HERE), filename: fileURLToPath(HERE), paths: Module._nodeModulePaths(fileURLToPath(new URL('.', HERE))) };

/** @type {(request: unknown, ...rest: unknown[]) => string} */
// @ts-expect-error Node's CommonJS resolver is not in its type definitions.
const resolveFilename = Module._resolveFilename;
// @ts-expect-error See above.
Module._resolveFilename = function (/** @type {unknown} */ request, /** @type {unknown} */ from, /** @type {unknown[]} */ ...rest) {
  return resolveFilename.call(this, request, typeof request === 'string' && IS_TYPESCRIPT.test(request) ? parent : from, ...rest);
};

register(`data:text/javascript,${encodeURIComponent(`
export function resolve(specifier, context, next) {
  return next(specifier, ${IS_TYPESCRIPT}.test(specifier) ? { ...context, parentURL: ${JSON.stringify(HERE.href)} } : context);
}`)}`);
