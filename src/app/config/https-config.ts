import { readFileSync } from 'node:fs';
import type { ConfigCheck } from '../../core/config/config-check';

/** Config key `https`: the facade listens with TLS; with `clientCaFile` it asks callers for a client certificate. */
export interface HttpsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /** the CA (PEM) client certificates are verified against: what lets a notification sender authenticate by certificate */
  readonly clientCaFile?: string;
}

export function parseHttpsConfig(c: ConfigCheck, v: unknown, naam: string): HttpsConfig | undefined {
  const o = c.object(v, naam, { optional: true });
  if (!o) return undefined;
  c.unknownKeys(o, naam, ['certFile', 'keyFile', 'clientCaFile']);
  const certFile = c.readableFile(o.certFile, `${naam}.certFile`) ?? c.fail(`${naam}.certFile`, 'ontbreekt');
  const keyFile = c.readableFile(o.keyFile, `${naam}.keyFile`) ?? c.fail(`${naam}.keyFile`, 'ontbreekt');
  const clientCaFile = c.readableFile(o.clientCaFile, `${naam}.clientCaFile`);
  return certFile && keyFile ? { certFile, keyFile, ...(clientCaFile ? { clientCaFile } : {}) } : undefined;
}

/**
 * Node's TLS server options. A client certificate is asked for but not required at the handshake
 * (`rejectUnauthorized: false`): API callers authenticate with bearer tokens and bring none; a certificate counts as a
 * credential only when it verified against the client CA (inkomend-provider.ts reads `socket.authorized`).
 */
export function httpsOpties(h: HttpsConfig): { key: Buffer; cert: Buffer; ca?: Buffer; requestCert: boolean; rejectUnauthorized: boolean } {
  return {
    key: readFileSync(h.keyFile),
    cert: readFileSync(h.certFile),
    ...(h.clientCaFile ? { ca: readFileSync(h.clientCaFile) } : {}),
    requestCert: h.clientCaFile !== undefined,
    rejectUnauthorized: false,
  };
}
