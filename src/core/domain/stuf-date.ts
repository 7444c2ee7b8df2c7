import { FacadeError } from './errors';
import { tijdstipSeconden } from './tijdstip';

/**
 * A StUF date (StUF 03.01 type Datum-e): YYYYMMDD, possibly incomplete. `indOnvolledigeDatum`
 * says which part is unknown: J = year unknown (value 00000000), M = month unknown (YYYY0000),
 * D = day unknown (YYYYMM00), V = complete (the default, so never written).
 * We keep the original precision instead of inventing a first-of-month.
 */
export type DatePrecision = 'dag' | 'maand' | 'jaar' | 'onbekend';

export interface StufDate {
  /** ISO form as far as known: YYYY-MM-DD, YYYY-MM, YYYY, or '' when fully unknown */
  readonly iso: string;
  readonly precision: DatePrecision;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parseIsoDate(iso: string): StufDate {
  const m = ISO.exec(iso);
  if (!m) throw FacadeError.validation(`ongeldige datum '${iso}': verwacht YYYY-MM-DD, YYYY-MM of YYYY`);
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) {
    throw FacadeError.validation(`ongeldige maand in datum '${iso}'`);
  }
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCDate() !== Number(d)) throw FacadeError.validation(`ongeldige dag in datum '${iso}'`);
  }
  return { iso, precision: d ? 'dag' : mo ? 'maand' : 'jaar' };
}

export const fullDate = (iso: string): StufDate => {
  const d = parseIsoDate(iso);
  if (d.precision !== 'dag') throw FacadeError.validation(`datum '${iso}' moet volledig zijn (YYYY-MM-DD)`);
  return d;
};

/** Today's date in the Europe/Amsterdam calendar, which is what a gemeente means by "vandaag". */
export function today(now: Date = new Date()): StufDate {
  const t = tijdstipSeconden(now);
  return { iso: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`, precision: 'dag' };
}
