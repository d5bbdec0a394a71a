import { describe, expect, it } from 'vitest';
import { memoize } from './memo';

describe('memoize', () => {
  it('computes each distinct text once, including results that are undefined', () => {
    const calls: string[] = [];
    const f = memoize((t: string) => { calls.push(t); return t === 'none' ? undefined : t.length; });
    expect([f('abc'), f('abc'), f('none'), f('none')]).toEqual([3, 3, undefined, undefined]);
    expect(calls).toEqual(['abc', 'none']);
  });

  it('starts over after the limit, and still answers correctly', () => {
    const calls: string[] = [];
    const f = memoize((t: string) => { calls.push(t); return t.toUpperCase(); }, 2);
    expect([f('a'), f('b'), f('c'), f('a')]).toEqual(['A', 'B', 'C', 'A']);
    expect(calls).toEqual(['a', 'b', 'c', 'a']);
  });
});
