/**
 * The §1 conditions a chosen code is held to: each one's finding blocks when its source is [V], and
 * is a warning (keeping the biller's reason) when it is [S] or [U].
 */
import { describe, expect, it } from 'vitest';
import { brokenConditions, CODE_CONDITIONS } from './code-rules';
import { RULES } from './rules';
import { evaluate, withDrug } from './test-fixtures';

describe('CODE_CONDITIONS', () => {
  it.each(CODE_CONDITIONS.map((c) => [c.says, c] as const))('%s: blocks if its source is [V], warns otherwise', (_says, condition) => {
    const rule = RULES[condition.broken];
    expect(rule.severity).toBe(rule.source.confidence === 'V' ? 'block' : 'warn');
  });

  it('names each broken rule once for a code, even when two conditions lead to it', () => {
    // Oral and supplied through DME: J3490 breaks both route conditions, one finding.
    const ctx = { packet: { careSetting: 'dme-supplier' }, drug: { route: 'oral' }, profile: undefined } as unknown as Parameters<typeof brokenConditions>[0];
    expect(brokenConditions(ctx, 'J3490').map((c) => c.broken)).toEqual(['overrideWrongRoute']);
  });

  it('leaves a condition the packet does not settle yet unbroken (no approval date: C9399 not blocked for it)', () => {
    const result = evaluate(withDrug({ fdaApprovalDate: undefined, codeOverride: { code: 'C9399', reason: 'payer letter' } }, { careSetting: 'hospital-outpatient', payer: { kind: 'medicare', profileId: 'medicare-opps' } }));
    expect(result.findings.map((f) => f.rule)).not.toContain('code.override-c9399-old-drug');
  });
});
