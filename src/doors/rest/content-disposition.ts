/**
 * Content-Disposition for a download (RFC 6266 §4.3): `filename*` carries the real name in UTF-8
 * (RFC 8187 ext-value); `filename` is an ASCII fallback for clients that ignore `filename*`.
 */
export function contentDisposition(bestandsnaam: string): string {
  const naam = bestandsnaam.replace(/[\r\n"\\/]/g, '_') || 'document';
  const ascii = naam.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(naam)}`;
}

/** attr-char of RFC 8187 §3.2.1: everything else is percent-encoded as UTF-8. */
function encodeRfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
