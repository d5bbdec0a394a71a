/**
 * Timing helpers for the benchmarks. Operations that are compared are measured in interleaved
 * rounds (a, b, c, a, b, c, …) after a warm-up, so that a machine slowing down or speeding up
 * affects them alike; each figure is the median of its rounds. Memory is read from /proc.
 */
import { readFileSync } from 'node:fs';

export interface Rate {
  /** Operations per second, median of the rounds. */
  readonly perSecond: number;
  /** Microseconds per operation, median of the rounds. */
  readonly microseconds: number;
}

/** Measures each named operation over `inputs`; returns the median rate of each. */
export function interleavedRates<T, K extends string>(inputs: readonly T[], ops: Record<K, (input: T) => unknown>, rounds = 11, roundMs = 300): Record<K, Rate> {
  const names = Object.keys(ops) as K[];
  let sink = 0;
  const pass = (op: (input: T) => unknown) => {
    for (const input of inputs) sink += op(input) === undefined ? 0 : 1;
  };
  for (const name of names) {
    const until = performance.now() + 700;
    while (performance.now() < until) pass(ops[name]);
  }
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      let count = 0;
      const start = performance.now();
      let now = start;
      while (now - start < roundMs) {
        pass(ops[name]);
        count += inputs.length;
        now = performance.now();
      }
      samples[name].push(count / ((now - start) / 1000));
    }
  }
  if (sink < 0) console.log(sink);
  return Object.fromEntries(names.map((n) => {
    const sorted = [...samples[n]].sort((a, b) => a - b);
    const perSecond = sorted[Math.floor(sorted.length / 2)]!;
    return [n, { perSecond, microseconds: 1e6 / perSecond }];
  })) as Record<K, Rate>;
}

/** Peak resident memory (VmHWM) of a process, read from /proc (Linux); 0 when it cannot be read. */
export function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? 0 : Number(m[1]) * 1024;
  } catch {
    return 0;
  }
}

/**
 * How much longer `a` takes than `b` over the same inputs: each pair of short rounds runs one
 * then the other (in turns, first one then the other first), and the figure is the median of the
 * pairs' time ratios, so that a machine shared with other work, slowing down and speeding up,
 * weighs on both sides of each pair alike.
 */
export function pairedRatio<T>(inputs: readonly T[], a: (input: T) => unknown, b: (input: T) => unknown, pairs = 41, roundMs = 150): number {
  let sink = 0;
  const timeOf = (op: (input: T) => unknown) => {
    let count = 0;
    const start = performance.now();
    let now = start;
    while (now - start < roundMs) {
      for (const input of inputs) sink += op(input) === undefined ? 0 : 1;
      count += inputs.length;
      now = performance.now();
    }
    return (now - start) / count;
  };
  for (const op of [a, b]) timeOf(op);
  const ratios: number[] = [];
  for (let p = 0; p < pairs; p++) {
    let ta: number, tb: number;
    if (p % 2 === 0) { ta = timeOf(a); tb = timeOf(b); } else { tb = timeOf(b); ta = timeOf(a); }
    ratios.push(ta / tb);
  }
  if (sink < 0) console.log(sink);
  return ratios.sort((x, y) => x - y)[Math.floor(ratios.length / 2)]!;
}
