import { describe, expect, it } from 'vitest';
import { memoize, memoizeBy } from './memo';

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

  it('remembers a function of plain values by the key made of them', () => {
    const calls: number[][] = [];
    const sum = memoizeBy((xs: number[]) => { calls.push(xs); return xs.reduce((a, b) => a + b, 0); }, (xs) => xs.join(','));
    expect([sum([1, 2]), sum([1, 2]), sum([2, 1])]).toEqual([3, 3, 3]);
    expect(calls).toEqual([[1, 2], [2, 1]]);
  });
});
