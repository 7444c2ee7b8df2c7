import { accessSync, constants } from 'node:fs';
import { FacadeError, type InvalidParam } from '../domain/errors';

type Obj = Record<string, unknown>;

/** Characters as the reader counts them (code points), not UTF-16 units. */
const tekens = (s: string): number => [...s].length;

/**
 * Collects configuration problems with their paths, so that one start-up shows all of them, and the settings
 * that were reconciled with another one (for one line each at start). Every message is Dutch, like the
 * rest of what the operator reads (src/app/config/README.md). A missing or malformed object is one problem:
 * its contents are not checked as well.
 */
export class ConfigCheck {
  readonly problems: InvalidParam[] = [];
  /** settings that were not set and were derived from another setting instead, as `path: why` */
  readonly adjustments: string[] = [];

  fail(name: string, reason: string): undefined {
    this.problems.push({ name, reason });
    return undefined;
  }

  adjust(name: string, reason: string): void {
    this.adjustments.push(`${name}: ${reason}`);
  }

  object(v: unknown, name: string, opt: { optional?: boolean } = {}): Obj | undefined {
    if (v === undefined) return opt.optional ? undefined : this.fail(name, 'ontbreekt');
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    return this.fail(name, 'moet een object zijn');
  }

  unknownKeys(o: Obj, name: string, known: readonly string[]): void {
    for (const k of Object.keys(o)) if (!known.includes(k)) this.fail(`${name}.${k}`, `onbekende instelling (bekend: ${known.join(', ')})`);
  }

  oneOf<T extends string>(v: unknown, name: string, allowed: readonly T[], opt: { optional?: boolean } = {}): T | undefined {
    if (v === undefined && opt.optional) return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    return this.fail(name, `moet een van ${allowed.join(', ')} zijn`);
  }

  text(v: unknown, name: string, opt: { optional?: boolean; min?: number; max?: number } = {}): string | undefined {
    if (v === undefined) return opt.optional ? undefined : this.fail(name, 'ontbreekt');
    if (typeof v !== 'string' || v.trim() === '') return this.fail(name, 'moet een niet-lege tekst zijn');
    if (opt.min !== undefined && tekens(v) < opt.min) return this.fail(name, `moet minstens ${opt.min} tekens lang zijn`);
    if (opt.max !== undefined && tekens(v) > opt.max) return this.fail(name, `mag hoogstens ${opt.max} tekens lang zijn`);
    return v;
  }

  /** A file that exists and can be read (a certificate, a key); undefined when absent. */
  readableFile(v: unknown, name: string): string | undefined {
    const f = this.text(v, name, { optional: true });
    if (f === undefined) return undefined;
    try {
      accessSync(f, constants.R_OK);
      return f;
    } catch {
      return this.fail(name, `bestand ${f} bestaat niet of is niet leesbaar`);
    }
  }

  /** undefined when absent or wrong (then a problem is noted): callers fill in their default with `??`. */
  positiveInt(v: unknown, name: string, max?: number): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'number' && Number.isInteger(v) && v > 0 && (max === undefined || v <= max)) return v;
    return this.fail(name, max === undefined ? 'moet een positief geheel getal zijn' : `moet een geheel getal van 1 tot en met ${max} zijn`);
  }

  /**
   * An absolute URI such as a soapAction, which is sent quoted in a header (SOAP 1.1 §6.1.1): a scheme, and no
   * quotes, white space or control characters. Undefined when absent.
   */
  uri(v: unknown, name: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string' && v.length <= 2000 && /^[a-z][a-z0-9+.-]*:[^\s"\u0000-\u001f\u007f]+$/i.test(v)) return v;
    return this.fail(name, 'is geen absolute URI (zonder aanhalingstekens of spaties)');
  }

  /** An http(s) URL without credentials in it (those belong in wsSecurity or tls, not in a logged URL). */
  url(v: unknown, name: string): string | undefined {
    let u: URL | undefined;
    try {
      u = typeof v === 'string' ? new URL(v) : undefined;
    } catch {
      u = undefined;
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return this.fail(name, 'is geen geldige http(s)-URL');
    if (u.username || u.password) return this.fail(name, 'mag geen gebruikersnaam of wachtwoord bevatten (gebruik wsSecurity of tls)');
    return v as string;
  }

  /** An object of numbers and booleans over `defaults`: every key must be known and keep its type. */
  numbers<T extends object>(v: unknown, name: string, defaults: T): T {
    const o = this.object(v, name, { optional: true });
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

  /** CONFIG_INVALID with every problem, one `path: reason` line each (also in invalidParams). */
  throwIfProblems(): void {
    if (this.problems.length === 0) return;
    const lines = this.problems.map((p) => `  ${p.name}: ${p.reason}`);
    throw new FacadeError('CONFIG_INVALID', `Ongeldige configuratie:\n${lines.join('\n')}`, { invalidParams: this.problems });
  }
}
