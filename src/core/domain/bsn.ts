/**
 * Burgerservicenummer: 9 digits passing the 11-proef (weights 9..2 and -1 for the last digit).
 * A BSN is personal data: it never goes into a URL, a query string or a log line.
 */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 && bsn !== '000000000';
}

/** Whether a text holds a BSN: nine digits on their own (not part of a longer number) that pass the 11-proef. */
export const bevatBsn = (tekst: string): boolean => (tekst.match(/(?<!\d)\d{9}(?!\d)/g) ?? []).some(isValidBsn);
