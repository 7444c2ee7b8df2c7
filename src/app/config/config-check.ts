import type { InvalidParam } from '../../core/domain/errors';
import type { Zaaktype } from '../../core/domain/zaak';

type Obj = Record<string, unknown>;

/** Collects configuration problems with their paths, so one start-up shows all of them. */
export class ConfigCheck {
  readonly problems: InvalidParam[] = [];

  fail(name: string, reason: string): void {
    this.problems.push({ name, reason });
  }

  object(v: unknown, name: string, optional = false): Obj | undefined {
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      this.fail(name, 'moet een object zijn');
      return undefined;
    }
    return v as Obj;
  }

  unknownKeys(o: Obj, name: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.fail(`${name}.${k}`, `onbekende instelling (bekend: ${known.join(', ')})`);
  }

  oneOf(v: unknown, name: string, allowed: readonly string[]): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && allowed.includes(v)) return v;
    this.fail(name, `moet een van ${allowed.join(', ')} zijn`);
    return undefined;
  }

  positiveInt(v: unknown, name: string): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
    this.fail(name, 'moet een positief geheel getal zijn');
    return undefined;
  }

  /** RZS §6.3.3: code (max 10, ZKN:Code) and omschrijving (max 80) are both required. */
  zaaktype(v: unknown, name: string): Zaaktype | undefined {
    const o = this.object(v, name, true);
    if (!o) return undefined;
    this.unknownKeys(o, name, ['code', 'omschrijving']);
    const ok = (x: unknown, max: number, veld: string) => {
      if (typeof x === 'string' && x.length > 0 && x.length <= max) return x;
      this.fail(`${name}.${veld}`, `moet tekst van 1 tot ${max} tekens zijn`);
      return undefined;
    };
    const code = ok(o.code, 10, 'code');
    const omschrijving = ok(o.omschrijving, 80, 'omschrijving');
    return code && omschrijving ? { code, omschrijving } : undefined;
  }

  /** An object of numbers and booleans over `defaults`: every key must be known and keep its type. */
  numbers<T extends object>(v: unknown, name: string, defaults: T): T {
    const o = this.object(v, name, true);
    if (!o) return defaults;
    const out: Obj = { ...(defaults as Obj) };
    for (const [k, x] of Object.entries(o)) {
      const d = out[k];
      const isBool = typeof d === 'boolean';
      if (d === undefined) this.fail(`${name}.${k}`, `onbekende instelling (bekend: ${Object.keys(out).join(', ')})`);
      else if (isBool ? typeof x === 'boolean' : typeof x === 'number' && Number.isInteger(x) && x >= 0) out[k] = x;
      else this.fail(`${name}.${k}`, isBool ? 'moet true of false zijn' : 'moet een geheel getal >= 0 zijn');
    }
    return out as T;
  }
}
