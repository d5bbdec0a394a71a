/**
 * No leaks (issue 6): whatever a biller types, or a file holds, is shown as text, never run as
 * markup or code. No source file of the app hands a string to the browser's HTML parser or to
 * a code compiler; React's escaping is the only way text reaches the page.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lex, sourceFiles } from './test-support/source-text';

const SRC = import.meta.dirname;

/** Ways of turning a string into markup or code, as they appear in code (comments and strings aside). */
const SINKS: readonly [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['innerHTML / outerHTML', /\.\s*(?:innerHTML|outerHTML)\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['srcDoc', /\bsrcDoc\b/],
  ['eval', /(?:^|[^.\w$])eval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*"#\d+"/],
];

/** The sinks a source text uses. */
function sinksIn(text: string): string[] {
  const { code, strings } = lex(text);
  const found = SINKS.filter(([, re]) => re.test(code)).map(([name]) => name);
  if (strings.some((s) => /^\s*javascript:/i.test(s))) found.push('javascript: URL');
  return found;
}

const files = sourceFiles(SRC).filter((f) => !f.startsWith(join(SRC, 'test-support')));

describe('no markup or code is built from strings', () => {
  it('has the app source to check', () => {
    expect(files.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(['main.tsx', join('core', 'evaluate.ts')]));
  });

  it.each(files.map((f) => [relative(SRC, f), f]))('%s', (_name, file) => {
    expect(sinksIn(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('the sink checker itself', () => {
  it.each([
    ['<div dangerouslySetInnerHTML={{ __html: note }} />', 'dangerouslySetInnerHTML'],
    ['el.innerHTML = text;', 'innerHTML / outerHTML'],
    ['node.outerHTML = html', 'innerHTML / outerHTML'],
    ['el.insertAdjacentHTML("beforeend", s)', 'insertAdjacentHTML'],
    ['document.write(s)', 'document.write'],
    ['range.createContextualFragment(s)', 'createContextualFragment'],
    ['new DOMParser().parseFromString(s, "text/html")', 'DOMParser'],
    ['<iframe srcDoc={html} />', 'srcDoc'],
    ['const v = eval(s);', 'eval'],
    ['const f = new Function("a", body);', 'new Function'],
    ['setTimeout("run()", 10)', 'string timer'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript: URL'],
  ])('finds %s', (source, sink) => {
    expect(sinksIn(source)).toEqual([sink]);
  });

  it('does not mistake comments, messages or other names for sinks', () => {
    expect(sinksIn('// never use dangerouslySetInnerHTML or eval()\nconst m = "the innerHTML of a note";')).toEqual([]);
    expect(sinksIn('const retrieval = evaluate(x); setTimeout(() => save(), 300); el.textContent = s;')).toEqual([]);
  });
});
