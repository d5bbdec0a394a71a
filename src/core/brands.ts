/**
 * Branded types: values the core must not mix (an 11-digit NDC, a HCPCS code, an ISO date, a day
 * number) are plain strings and numbers at run time, and distinct types at compile time, so a
 * date cannot be passed where an NDC is wanted, nor a day number where a count is.
 *
 * Each brand lives beside the parser that validates it, and that parser is the only way to get one
 * (src/core/brands.test.ts fails on an `as` cast to a brand anywhere else):
 * - `Ndc11` (ndc.ts): `parseNdc(…).ndc.ndc11`, `asNdc11(text)`;
 * - `HcpcsCode` (codes.ts): `asHcpcsCode(text)`, `hcpcsCode('J3490')` for the core's own tables;
 * - `IsoDate`, `DayNumber`, `MinuteNumber` (dates.ts): `asIsoDate(text)`, `dayNumber(text)`,
 *   `minuteNumber(text)`, the calendar arithmetic, `isoDay('2004-01-01')` for constants.
 * The packet (packet/schema.ts) stays plain strings: what a biller typed is not trusted until the
 * core has read it.
 */
declare const brand: unique symbol;

/** `T` marked as validated under the name `B`; a `T` is not a `Brand<T, B>`, a `Brand<T, B>` is a `T`. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/**
 * A plain `T` that carries no brand: a count of units or days, an index. A branded value (a day
 * number) is refused where a `Plain<number>` is wanted, though any number computed from it is not.
 */
export type Plain<T> = T & { readonly [brand]?: never };
