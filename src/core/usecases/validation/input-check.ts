import { isValidBsn } from '../../domain/bsn';
import { FacadeError, type InvalidParam } from '../../domain/errors';
import { parseIsoDate, type StufDate } from '../../domain/stuf-date';
import { characterLength, isXmlText } from '../../domain/xml-tekst';

export interface TextRule {
  max: number;
  min?: number;
  /** exact length, e.g. a vestigingsnummer */
  length?: number;
  pattern?: RegExp;
  patternReason?: string;
}

/**
 * Collects every problem of one input before failing, so a caller sees all invalid parameters at once
 * (the ZGW `invalidParams` convention). Reasons never repeat a BSN (it would end up in logs and error
 * trackers); they name the rule instead.
 */
export class InputCheck {
  private readonly invalid: InvalidParam[] = [];
  private onverzendbaar = false;

  fail(name: string, reason: string): void {
    this.invalid.push({ name, reason });
  }

  get ok(): boolean {
    return this.invalid.length === 0;
  }

  /**
   * Checks a text; `required` rejects undefined, null and blank. Returns the text when valid. Lengths count
   * characters as the XSDs do, and text that XML cannot carry is refused before anything is reserved or sent.
   */
  text(name: string, value: string | null | undefined, rule: TextRule, required = false): string | undefined {
    if (value === undefined || value === null) {
      if (required) this.fail(name, 'is verplicht');
      return undefined;
    }
    const length = characterLength(value);
    if (!isXmlText(value)) this.failCharacters(name);
    else if (required && value.trim() === '') this.fail(name, 'mag niet leeg zijn');
    else if (rule.length !== undefined && length !== rule.length) this.fail(name, `moet precies ${rule.length} tekens zijn`);
    else if (length > rule.max) this.fail(name, `is langer dan ${rule.max} tekens`);
    else if (rule.min !== undefined && length < rule.min) this.fail(name, `is korter dan ${rule.min} tekens`);
    else if (rule.pattern && !rule.pattern.test(value)) this.fail(name, rule.patternReason ?? 'heeft een ongeldig formaat');
    else return value;
    return undefined;
  }

  /** A control character, U+FFFE/U+FFFF or a lone surrogate: the reason names the rule, never the character. */
  failCharacters(name: string): void {
    this.onverzendbaar = true;
    this.fail(name, 'bevat tekens die een StUF-bericht niet kan bevatten (stuurtekens of losse surrogaten)');
  }

  bsn(name: string, value: string | undefined): string | undefined {
    if (value === undefined) {
      this.fail(name, 'is verplicht');
      return undefined;
    }
    if (!isValidBsn(value)) {
      this.fail(name, 'is geen geldig BSN (9 cijfers, elfproef)');
      return undefined;
    }
    return value;
  }

  /** An ISO date (YYYY-MM-DD; with `partial` also YYYY-MM or YYYY, kept as an incomplete StUF date). */
  date(name: string, value: string | null | undefined, partial = false): StufDate | undefined {
    if (value === undefined || value === null) return undefined;
    try {
      const d = parseIsoDate(value);
      if (!partial && d.precision !== 'dag') throw FacadeError.validation('incomplete');
      return d;
    } catch {
      this.fail(name, partial ? 'is geen datum (YYYY-MM-DD, YYYY-MM of YYYY)' : 'is geen datum (YYYY-MM-DD)');
      return undefined;
    }
  }

  list<T>(name: string, value: readonly T[] | undefined, max: number, min = 0): readonly T[] {
    const list = value ?? [];
    if (list.length < min) this.fail(name, min === 1 ? 'moet minstens 1 element bevatten' : `moet minstens ${min} elementen bevatten`);
    if (list.length > max) this.fail(name, `mag hoogstens ${max} elementen bevatten`);
    return list;
  }

  /**
   * Throws with every collected problem (INVALID_CHARACTERS when a text cannot travel in XML at all, else
   * VALIDATION_FAILED); does nothing when the input is valid.
   */
  assertValid(message = 'Ongeldige invoer'): void {
    if (!this.invalid.length) return;
    if (this.onverzendbaar) throw new FacadeError('INVALID_CHARACTERS', `${message}: tekens die een StUF-bericht niet kan bevatten`, { invalidParams: [...this.invalid] });
    throw FacadeError.validation(message, [...this.invalid]);
  }
}

/** Runs one check function over an input and throws when anything was wrong. */
export function checked<T>(message: string, check: (c: InputCheck) => T): T {
  const c = new InputCheck();
  const result = check(c);
  c.assertValid(message);
  return result;
}
