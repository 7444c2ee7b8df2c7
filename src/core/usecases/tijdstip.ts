import { FacadeError } from '../domain/errors';
import { tijdstipSeconden } from '../domain/tijdstip';

/** StUF Tijdstip (YYYYMMDDhhmmss) of a moment, in the gemeente's time zone (see domain/tijdstip). */
export const tijdstip = (moment: Date): string => tijdstipSeconden(moment);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date-time with offset, as a StUF Tijdstip; throws VALIDATION_FAILED otherwise. */
export function parseTijdstip(name: string, iso: string): string {
  const d = new Date(iso);
  if (!ISO_DATE_TIME.test(iso) || Number.isNaN(d.getTime())) {
    throw FacadeError.validation('Ongeldige invoer', [{ name, reason: 'is geen ISO 8601 datum-tijd met tijdzone' }]);
  }
  return tijdstip(d);
}

/** StUF Tijdstip to ISO 8601 local date-time (no offset: StUF keeps none). */
export function tijdstipIso(t: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?/.exec(t);
  if (!m) return t;
  const [, y, mo, d, h = '00', mi = '00', s = '00'] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}
