/**
 * Remembers the results of a pure function of a text. The wizard evaluates the whole claim on
 * every keystroke with mostly the same values, so parsing each distinct text once pays off. The
 * memory is bounded: it starts over after `limit` distinct texts.
 */
export function memoize<R>(fn: (text: string) => R, limit = 1000): (text: string) => R {
  let cache = new Map<string, R>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    if (cache.size >= limit) cache = new Map();
    const result = fn(text);
    cache.set(text, result);
    return result;
  };
}
