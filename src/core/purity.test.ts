/**
 * The core is pure (design.md "One direction"): no React, no DOM, no browser storage or network.
 * Every non-test file under src/core may import only other core modules, `zod/mini`, `fraction.js`
 * and the PDF writer (`pdf-lib`, `@pdf-lib/fontkit`), and must not name a browser global.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex, sourceFiles } from '../test-support/source-text';

const CORE = import.meta.dirname;
const ALLOWED_PACKAGES = new Set(['zod/mini', 'fraction.js', 'pdf-lib', '@pdf-lib/fontkit']);
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'fetch', 'XMLHttpRequest'];

/** Every module a source text imports: static, side-effect, re-export, dynamic, require. */
function importsOf(text: string): string[] {
  const { code, strings } = lex(text);
  const found: string[] = [];
  const patterns = [/\bfrom\s*"#(\d+)"/g, /\bimport\s*"#(\d+)"/g, /\bimport\s*\(\s*"#(\d+)"/g, /\brequire\s*\(\s*"#(\d+)"/g];
  for (const p of patterns) for (const m of code.matchAll(p)) found.push(strings[Number(m[1])]!);
  if (/\bimport\s*\(\s*[^"\s)]/.test(code)) found.push('<dynamic import of a computed name>');
  return found;
}

/** Names declared in the file (parameters, variables, properties): a local `document` is not the DOM. */
function declaredNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
  for (const m of code.matchAll(/[(,]\s*(?:readonly\s+)?([A-Za-z_$][\w$]*)\s*[?]?\s*:/g)) names.add(m[1]!);
  return names;
}

/** Browser globals used as code (not as a property `x.document`, an object key `document:`, or a local name). */
function browserGlobalsIn(text: string): string[] {
  const { code } = lex(text);
  const declared = declaredNames(code);
  const used: string[] = [];
  for (const name of BROWSER_GLOBALS) {
    if (declared.has(name)) continue;
    const re = new RegExp(`(^|[^.\\w$])${name}\\b(?!\\s*[?]?:)`, 'g');
    if (re.test(code)) used.push(name);
  }
  if (/\bglobalThis\b/.test(code)) used.push('globalThis');
  return used;
}

const files = sourceFiles(CORE);

describe('the core is pure', () => {
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.map((f) => relative(CORE, f))).toContain('evaluate.ts');
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only core modules, zod/mini, fraction.js and pdf-lib', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => {
      if (spec.startsWith('.')) return !resolve(file, '..', spec).startsWith(CORE + sep);
      return !ALLOWED_PACKAGES.has(spec);
    });
    expect(bad).toEqual([]);
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s names no browser global', (_name, file) => {
    expect(browserGlobalsIn(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the purity checker itself', () => {
  it('finds imports of packages and of modules outside the core', () => {
    expect(importsOf(`import React from 'react';\nimport { x } from "../features/a";\nexport * from './b';\nimport './side';\nconst m = await import('idb');`))
      .toEqual(['react', '../features/a', './b', './side', 'idb']);
  });

  it('ignores imports written in comments and strings', () => {
    expect(importsOf(`// import x from 'react'\nconst s = "import y from 'idb'";\n/* from 'dexie' */`)).toEqual([]);
  });

  it('finds browser globals used as code', () => {
    expect(browserGlobalsIn('const w = window.innerWidth;')).toEqual(['window']);
    expect(browserGlobalsIn('localStorage.setItem("a", "b");')).toEqual(['localStorage']);
    expect(browserGlobalsIn('const r = await fetch(url);')).toEqual(['fetch']);
    expect(browserGlobalsIn('indexedDB.open("x")')).toEqual(['indexedDB']);
    expect(browserGlobalsIn('const t = `${document.title}`;')).toEqual(['document']);
    expect(browserGlobalsIn('new XMLHttpRequest()')).toEqual(['XMLHttpRequest']);
    expect(browserGlobalsIn('globalThis.navigator')).toEqual(['globalThis']);
  });

  it('does not mistake words in messages, comments, properties, keys or local names for globals', () => {
    expect(browserGlobalsIn('const m = "Attach the document from the window";')).toEqual([]);
    expect(browserGlobalsIn('// uses window\n/* document */')).toEqual([]);
    expect(browserGlobalsIn('const a = source.document; const b = { document: 1 };')).toEqual([]);
    expect(browserGlobalsIn('interface S { readonly document: string }')).toEqual([]);
    expect(browserGlobalsIn('const src = (document: string) => ({ document });')).toEqual([]);
    expect(browserGlobalsIn('const r = /window|document/g; const x = a / b / c;')).toEqual([]);
  });
});
