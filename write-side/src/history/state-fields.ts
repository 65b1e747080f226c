/**
 * Type-level walk of an aggregate's state, so that the history's words are checked by the compiler:
 * every field name anywhere in the state needs a label (`FieldNames`), and every field whose values
 * are a closed set of codes (`awaiting_invoice`, `estimate_in_ringi`, …) needs a word for each code
 * (`CodeFields`, `CodesOf`). A new field or a new status without words does not compile.
 */

/** Every property name at any depth (through lists, maps and records keyed by id). */
export type FieldNames<T> =
  T extends ReadonlyMap<string, infer V>
    ? FieldNames<V>
    : T extends readonly (infer U)[]
      ? FieldNames<U>
      : T extends object
        ? string extends keyof T
          ? FieldNames<T[string & keyof T]>
          : { [K in keyof T & string]-?: K | FieldNames<T[K]> }[keyof T & string]
        : never;

/** The types a property named `K` has anywhere in `T`. */
type FieldTypes<T, K extends string> =
  T extends ReadonlyMap<string, infer V>
    ? FieldTypes<V, K>
    : T extends readonly (infer U)[]
      ? FieldTypes<U, K>
      : T extends object
        ? string extends keyof T
          ? FieldTypes<T[string & keyof T], K>
          : (K extends keyof T ? T[K] : never) | { [P in keyof T & string]-?: FieldTypes<T[P], K> }[keyof T & string]
        : never;

/** A list's items and a record's values are shown one by one. */
type Shown<T> = T extends readonly (infer U)[] ? U : T extends object ? (string extends keyof T ? T[string & keyof T] : T) : T;

type IsCodes<T> = [T] extends [never] ? false : [T] extends [string] ? (string extends T ? false : true) : false;

/** The codes a field takes: the union of string literals its values are, wherever it occurs. */
export type CodesOf<S, K extends string> = Extract<Shown<NonNullable<FieldTypes<S, K>>>, string>;

/** The fields of `S` whose values are a closed set of codes. */
export type CodeFields<S> = { [K in FieldNames<S>]: IsCodes<CodesOf<S, K>> extends true ? K : never }[FieldNames<S>];
