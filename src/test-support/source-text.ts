/**
 * Reading the project's own source in tests: which files there are, and their code told apart
 * from comments and string literals.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every source file below `dir` (TypeScript and JavaScript), tests excluded. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|tsx|js|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Splits source text into code and string literals, dropping comments, so that words inside
 * comments or messages ("the waste record is a document") are not taken for code. Template
 * literals keep their `${…}` parts as code. Regular-expression literals are told from division by
 * the token before the slash.
 */
export function lex(text: string): { code: string; strings: string[] } {
  let code = '';
  const strings: string[] = [];
  let i = 0;
  const templateDepth: number[] = [];
  let braceDepth = 0;
  const lastSignificant = () => code.trimEnd();
  const regexCanStart = () => {
    const before = lastSignificant();
    if (before === '') return true;
    if (/[(,=:[!&|?{};+\-*%<>~^]$/.test(before)) return true;
    return /\b(?:return|typeof|case|do|else|in|of|new|delete|void|throw|yield|await)$/.test(before);
  };
  const readQuoted = (quote: string) => {
    let s = '';
    i++;
    while (i < text.length && text[i] !== quote) {
      if (text[i] === '\\') { s += text[i + 1] ?? ''; i += 2; continue; }
      s += text[i]; i++;
    }
    i++;
    return s;
  };
  const readTemplateChunk = () => {
    // From just after ` or }, up to the closing ` or the next ${.
    let s = '';
    while (i < text.length) {
      if (text[i] === '\\') { s += text[i + 1] ?? ''; i += 2; continue; }
      if (text[i] === '`') { i++; strings.push(s); code += '""'; return; }
      if (text[i] === '$' && text[i + 1] === '{') { i += 2; strings.push(s); code += '"" + ('; templateDepth.push(braceDepth); braceDepth++; return; }
      s += text[i]; i++;
    }
  };
  while (i < text.length) {
    const c = text[i]!, next = text[i + 1];
    if (c === '/' && next === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = text.indexOf('*/', i + 2); i = end === -1 ? text.length : end + 2; code += ' '; continue; }
    if (c === '"' || c === "'") { strings.push(readQuoted(c)); code += `"#${strings.length - 1}"`; continue; }
    if (c === '`') { i++; readTemplateChunk(); continue; }
    if (c === '{') { braceDepth++; code += c; i++; continue; }
    if (c === '}') {
      braceDepth--;
      if (templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braceDepth) {
        templateDepth.pop(); i++; code += ') + '; readTemplateChunk(); continue;
      }
      code += c; i++; continue;
    }
    if (c === '/' && regexCanStart()) {
      i++;
      let inClass = false;
      while (i < text.length && (inClass || text[i] !== '/')) {
        if (text[i] === '\\') { i += 2; continue; }
        if (text[i] === '[') inClass = true;
        else if (text[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (i < text.length && /[a-z]/i.test(text[i]!)) i++;
      code += '/regex/';
      continue;
    }
    code += c; i++;
  }
  return { code, strings };
}
