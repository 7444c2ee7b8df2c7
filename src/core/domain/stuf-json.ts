import { NoValue, isNoValueReason } from './no-value';

/** JSON that keeps StUF's NoValue apart from absent: NoValue serialises as `{"noValue": reason}` (its toJSON). */
export const toJson = (value: unknown): string => JSON.stringify(value);

/** A JSON.parse reviver that turns `{"noValue": reason}` back into the NoValue. */
export function reviveNoValue(_key: string, v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === 'noValue') {
      const reason = (v as { noValue: unknown }).noValue;
      return NoValue.of(typeof reason === 'string' && isNoValueReason(reason) ? reason : null);
    }
  }
  return v;
}

export function fromJson<T>(text: string): T {
  // a reviver costs a call per value: only a document that holds a NoValue needs one
  if (!text.includes('"noValue"')) return JSON.parse(text) as T;
  return JSON.parse(text, reviveNoValue) as T;
}
