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
