// Compile-time comparison of non-negative integer literals, read as decimal strings: a longer
// string is the larger number, and strings of one length compare digit by digit.

type DigitsBelow = {
  "0": never;
  "1": "0";
  "2": "0" | "1";
  "3": "0" | "1" | "2";
  "4": "0" | "1" | "2" | "3";
  "5": "0" | "1" | "2" | "3" | "4";
  "6": "0" | "1" | "2" | "3" | "4" | "5";
  "7": "0" | "1" | "2" | "3" | "4" | "5" | "6";
  "8": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7";
  "9": "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8";
};

type CompareLength<A extends string, B extends string> = A extends `${string}${infer RestA}`
  ? B extends `${string}${infer RestB}`
    ? CompareLength<RestA, RestB>
    : "longer"
  : B extends ""
    ? "same"
    : "shorter";

type DigitsAbove<A extends string, B extends string> = A extends `${infer DigitA}${infer RestA}`
  ? B extends `${infer DigitB}${infer RestB}`
    ? DigitA extends DigitB
      ? DigitsAbove<RestA, RestB>
      : DigitB extends DigitsBelow[DigitA & keyof DigitsBelow]
        ? true
        : false
    : false
  : false;

/** `true` when `A` is a whole-number literal greater than `B`; `false` otherwise (also for `number`, negatives, fractions). */
export type Above<A extends number, B extends number> = number extends A
  ? false
  : `${A}` extends `-${string}` | `${string}.${string}` | `${string}e${string}`
    ? false
    : CompareLength<`${A}`, `${B}`> extends "longer"
      ? true
      : CompareLength<`${A}`, `${B}`> extends "same"
        ? DigitsAbove<`${A}`, `${B}`>
        : false;
