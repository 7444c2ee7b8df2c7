import { FacadeError } from '../domain/errors';

/**
 * StUF Tijdstip (YYYYMMDDhhmmss) in the gemeente's own time zone: StUF 03.01 §2.5 has no offset, so a
 * zaaksysteem reads it as local (Europe/Amsterdam) time.
 */
export function tijdstip(moment: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}${p('month')}${p('day')}${p('hour')}${p('minute')}${p('second')}`;
}

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
