/**
 * Nothing a packet or a file holds is spread into a function call in the core or the command line:
 * `findings.push(...list)`, `Math.max(...values)` and `String.fromCodePoint(...codes)` pass every
 * item as an argument, and a list of some hundred thousand items overflows the call stack (a packet
 * of 20,000 drugs did). Lists are added item by item instead. The one exception is a spread of a
 * chunk whose size the code itself bounds (the text decoder's 8,192 characters at a time).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex, sourceFiles } from './test-support/source-text';

const SRC = import.meta.dirname;
/** Files whose spreads pass a chunk of bounded size, with the bound. */
const BOUNDED: Readonly<Record<string, string>> = {
  [join('core', 'reference-data', 'decode.ts')]: 'code points in chunks of at most 8,192',
};
const KEYWORDS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'typeof', 'await', 'in', 'of', 'new', 'function']);

/** The spreads into call arguments in a source text (rest parameters, arrays and objects aside), as snippets. */
function callSpreads(text: string): string[] {
  const { code } = lex(text);
  const open: boolean[] = [];
  const found: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '(') {
      const before = code.slice(0, i).trimEnd();
      const word = /([A-Za-z_$][\w$]*)$/.exec(before)?.[1];
      const isDeclaration = word !== undefined && /\bfunction\s*\*?\s*[\w$]*$/.test(before);
      open.push(!isDeclaration && (/[)\]>]$/.test(before) || (word !== undefined && !KEYWORDS.has(word))));
    } else if (c === '[' || c === '{') open.push(false);
    else if (c === ')' || c === ']' || c === '}') open.pop();
    else if (c === '.' && code.startsWith('...', i)) {
      const rest = code.slice(i + 3);
      const isRestParameter = /^\s*[A-Za-z_$][\w$]*\s*\??\s*:/.test(rest);
      if (open.at(-1) === true && !isRestParameter) found.push(code.slice(Math.max(0, i - 30), i + 20).replace(/\s+/g, ' ').trim());
      i += 2;
    }
  }
  return found;
}

const files = [...sourceFiles(join(SRC, 'core')), ...sourceFiles(join(SRC, 'cli'))];

describe('no list is spread into a call in src/core and src/cli', () => {
  it('has the core and the command line to check', () => {
    expect(files.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining([join('core', 'evaluate.ts'), join('cli', 'main.ts')]));
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s', (name, file) => {
    const spreads = callSpreads(readFileSync(file, 'utf8'));
    if (BOUNDED[name] !== undefined) expect(spreads.length, BOUNDED[name]).toBeGreaterThan(0);
    else expect(spreads).toEqual([]);
  });
});

describe('the spread checker itself', () => {
  it.each([
    ['findings.push(...checklistFindings(items));'],
    ['const top = Math.max(...values);'],
    ['parts.push(String.fromCodePoint(...codes));'],
    ['f(a, ...rest)'],
    ['new Set<string>(...lists)'],
    ['list.concat(x).push(...more)'],
  ])('finds the spread in %s', (source) => {
    expect(callSpreads(source)).toHaveLength(1);
  });

  it('leaves arrays, objects, rest parameters and destructuring alone', () => {
    expect(callSpreads('const all = [...a, ...b]; const o = { ...p, x: 1 }; f([...a]); g({ ...o });')).toEqual([]);
    expect(callSpreads('function finding(key: K, ...params: P[]) {} const first = (...checks: C[]) => 1;')).toEqual([]);
    expect(callSpreads('class W { add(id: string, ...elements: Element[]): void {} }')).toEqual([]);
    expect(callSpreads('const [head, ...tail] = list; const { a, ...others } = o; if (x) { y([...z]); }')).toEqual([]);
  });
});
