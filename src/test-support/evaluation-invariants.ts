/**
 * What must hold for any evaluation and any export, whatever the input: the checks the property
 * tests and the fuzzing run on every case. They run hundreds of thousands of times, so each is a
 * plain condition that throws (and so fails the property, with its counterexample) only when it
 * does not hold. Test-only code (tsconfig.test.json).
 */
import { CHECKLIST_RULES } from '../core/checklist';
import type { Evaluation } from '../core/evaluate';
import type { Exported } from '../core/export/export-claim';
import { pathExists } from '../core/packet/paths';
import { RULES } from '../core/rules';

const KNOWN_RULES = new Set([...Object.values(RULES).map((r) => r.id), ...CHECKLIST_RULES.map((r) => r.id)]);
/** Words a biller must never read: what leaks from code instead of a sentence. */
const JARGON = /undefined|\[object Object\]|NaN|Invalid input|invalid_type|invalid_union|expected (?:string|number|boolean|object|array)|received|Zod/gi;
/** What a claim line's description may hold. */
const CLAIM_TEXT = /^[A-Z0-9 &'()+,\-./;=?%]*$/;
const NDC_QUANTITY = /^(?:0|[1-9]\d{0,7})(?:\.\d{0,2}[1-9])?$/;

/** Fails the property, with what did not hold. */
export function holds(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

const known = new Map<string, boolean>();
/** `pathExists`, remembered: findings point at the same few hundred fields again and again. */
function isSchemaPath(path: string): boolean {
  let exists = known.get(path);
  if (exists === undefined) known.set(path, (exists = pathExists(path)));
  return exists;
}

/** The text a biller typed, lower-cased, to tell what a message quotes from what it says. */
export function typedText(input: unknown): string {
  try {
    return (JSON.stringify(input) ?? '').toLowerCase();
  } catch {
    return '';
  }
}

/**
 * A message for the biller: a sentence, with no word of code in it other than what the biller typed.
 * A message may quote a value as typed (the invoice NDC "NaN"), so a word the packet holds anywhere
 * is let through; the many runs whose packets do not hold it still check every message strictly.
 */
export function checkMessage(message: string, label: string, typed: string): void {
  holds(message.trim() !== '', `${label}: an empty message`);
  for (const word of message.match(JARGON) ?? []) {
    holds(typed.includes(word.toLowerCase()), `${label}: "${message}" says "${word}"`);
  }
}

/**
 * Every finding points at a field of the schema, has a known rule id, a severity, a source and a
 * readable message; `exportable` is true exactly when nothing blocks; and what an exportable claim
 * prints is there and valid (design.md "Blank, never invalid"). `input` is what was evaluated.
 */
export function checkEvaluation(result: Evaluation, input: unknown): void {
  const typed = typedText(input);
  for (const f of result.findings) {
    holds(isSchemaPath(f.path), `${f.rule} points at "${f.path}", which is not a field of the packet`);
    holds(KNOWN_RULES.has(f.rule) || /^packet\.[a-z-]+$/.test(f.rule), `unknown rule ${f.rule}`);
    holds(f.severity === 'block' || f.severity === 'warn', `${f.rule}: severity ${f.severity}`);
    holds(f.source.document.trim() !== '', `${f.rule}: no source`);
    checkMessage(f.message, f.rule, typed);
  }
  holds(result.exportable === !result.findings.some((f) => f.severity === 'block'), 'exportable while a finding blocks, or blocked without one');
  for (const line of result.lines) {
    holds(!(line.modifiers.includes('JW') && line.modifiers.includes('JZ')), 'JW and JZ on one line');
    holds(line.units === null || (Number.isInteger(line.units) && line.units >= 1), `units ${line.units}`);
    holds(line.narrative === null || CLAIM_TEXT.test(line.narrative), `description "${line.narrative}"`);
    holds(line.codeKind === 'unclassified' || line.narrative === null, `a description on the line of the drug's own code ${line.code}`);
    if (line.ndc?.quantity != null) {
      holds(NDC_QUANTITY.test(line.ndc.quantity) && Number(line.ndc.quantity) > 0, `NDC quantity ${line.ndc.quantity}`);
      holds(/^\d{11}$/.test(line.ndc.ndc11), `NDC ${line.ndc.ndc11}`);
    }
  }
  if (!result.exportable) return;
  holds(result.drugs.length > 0 && result.drugs.every((d) => d.lines.length > 0), 'an exportable claim without a drug line');
  for (const line of result.lines) {
    holds(line.units !== null && (line.narrative !== null || line.codeKind === 'specific'), 'an exportable line without units or description');
    holds(line.modifiers.length <= 4, `${line.modifiers.length} modifiers`);
    holds(line.ndc === null || line.ndc.quantity !== null, 'an exportable NDC without a quantity');
  }
}

/** An exportable claim's descriptions fit the payer's limit (80 unless a custom profile allows more). */
export function checkNarrativeLength(input: unknown, result: Evaluation): void {
  if (!result.exportable) return;
  const custom = (input as { payer?: { customProfile?: { narrativeMaxLength?: unknown } } }).payer?.customProfile?.narrativeMaxLength;
  const max = typeof custom === 'number' && custom > 80 ? custom : 80;
  for (const line of result.lines) holds((line.narrative ?? '').length <= max, `a description of ${line.narrative?.length} characters`);
}

/**
 * An export either succeeds or is refused with reasons: a claim that is not exportable is refused
 * with exactly its blocking findings; an exportable one that is still refused (a value that cannot
 * go in its box) says why in sentences. Returns the exported value, if any.
 */
export function checkExport<T>(format: string, result: Exported<T>, evaluation: Evaluation, typed: string): T | undefined {
  if (!evaluation.exportable) {
    const blocking = evaluation.findings.filter((f) => f.severity === 'block').map((f) => f.message);
    holds(!result.ok && blocking.length > 0, `${format}: a claim that is not exportable was exported`);
    const problems = (result as { problems: readonly string[] }).problems;
    holds(problems.length === blocking.length && problems.every((p, i) => p === blocking[i]), `${format}: refused with other reasons than the blocking findings`);
    return undefined;
  }
  if (result.ok) return result.value;
  holds(result.problems.length > 0, `${format}: refused without a reason`);
  for (const problem of result.problems) checkMessage(problem, format, typed);
  return undefined;
}
