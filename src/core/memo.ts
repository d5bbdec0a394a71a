/**
 * Remembers the results of a pure function of a text. The wizard evaluates the whole claim on
 * every keystroke with mostly the same values, so parsing each distinct text once pays off. The
 * memory is bounded: it starts over after `limit` distinct texts.
 */
export function memoize<R>(fn: (text: string) => R, limit = 1000): (text: string) => R {
  return memoizeBy(fn, (text) => text, limit);
}

/** The same for a function of plain values, remembered by the text `key` makes of them. */
export function memoizeBy<I, R>(fn: (input: I) => R, key: (input: I) => string, limit = 1000): (input: I) => R {
  let cache = new Map<string, R>();
  return (input) => {
    const k = key(input);
    const hit = cache.get(k);
    if (hit !== undefined || cache.has(k)) return hit as R;
    if (cache.size >= limit) cache = new Map();
    const result = fn(input);
    cache.set(k, result);
    return result;
  };
}
