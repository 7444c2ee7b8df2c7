/**
 * StUF distinguishes "not asked / not sent" (element absent) from "the source says there is no value"
 * (StUF:noValue on an element with xsi:nil="true"). StUF 03.01 §3.3.4: the reason matters to a caller:
 * `geenWaarde` (known to be empty), `waardeOnbekend` (exists but unknown), `vastgesteldOnbekend`
 * (established that it cannot be known), `nietOndersteund` (the source does not keep it),
 * `nietGeautoriseerd` (the caller may not see it). A bare xsi:nil without noValue is kept as reason `null`.
 */
export const NO_VALUE_REASONS = [
  'geenWaarde',
  'waardeOnbekend',
  'vastgesteldOnbekend',
  'nietOndersteund',
  'nietGeautoriseerd',
] as const;
export type NoValueReason = (typeof NO_VALUE_REASONS)[number];

export class NoValue {
  private constructor(readonly reason: NoValueReason | null) {}
  private static readonly cache = new Map<NoValueReason | null, NoValue>();
  static of(reason: NoValueReason | null): NoValue {
    let v = NoValue.cache.get(reason);
    if (!v) {
      v = new NoValue(reason);
      NoValue.cache.set(reason, v);
    }
    return v;
  }
  toJSON(): { noValue: NoValueReason | null } {
    return { noValue: this.reason };
  }
}

/** A StUF attribute value: a real value, or an explicit NoValue. `undefined` means absent. */
export type Value<T> = T | NoValue;

export const isNoValue = (v: unknown): v is NoValue => v instanceof NoValue;

export function isNoValueReason(s: string): s is NoValueReason {
  return (NO_VALUE_REASONS as readonly string[]).includes(s);
}

/** The value, or undefined when absent or explicitly without value. */
export function valueOf<T>(v: Value<T> | undefined): T | undefined {
  return v === undefined || isNoValue(v) ? undefined : v;
}
