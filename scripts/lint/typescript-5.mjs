/**
 * Lets dependency-cruiser read TypeScript with TypeScript 5 (the `typescript-5` package) while the
 * project compiles with TypeScript 7, whose `typescript` package has no JavaScript API. Loaded with
 * `node --import` before the linter; it sends every request for `typescript` (its package.json by
 * `require`, the compiler by `import`) to `typescript-5`, and changes nothing else.
 */
import Module, { register } from 'node:module';

const TYPESCRIPT = /^typescript(?=\/|$)/;

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, typeof request === 'string' ? request.replace(TYPESCRIPT, 'typescript-5') : request, ...rest);
};

register(`data:text/javascript,${encodeURIComponent(`
export async function resolve(specifier, context, next) {
  return next(specifier.replace(${TYPESCRIPT}, 'typescript-5'), context);
}`)}`);
