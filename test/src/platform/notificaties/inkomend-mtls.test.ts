import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { parseNotificatieConfig } from '../../../../src/platform/notificaties/notificatie-config';
import { TEST_VERWERKING } from '../../../support/test-auth';
import { ACTIE_NOTIFICEER, antwoord, envelop, notificatieXml } from '../../../support/rzs-berichten';
import { appHarnessPerFile } from '../../app/app-harness';

/** A CA, a server certificate for 127.0.0.1, a client certificate of that CA and one of another CA (openssl). */
const dir = mkdtempSync(path.join(tmpdir(), 'facade-mtls-'));
const f = (n: string) => path.join(dir, n);
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
function ca(naam: string): void {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', `/CN=${naam}`, '-keyout', f(`${naam}.key`), '-out', f(`${naam}.pem`));
}
function certificaat(naam: string, cn: string, door: string, ext?: string): void {
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', `/CN=${cn}`, '-keyout', f(`${naam}.key`), '-out', f(`${naam}.csr`));
  const extra = ext ? (writeFileSync(f(`${naam}.ext`), ext), ['-extfile', f(`${naam}.ext`)]) : [];
  openssl('x509', '-req', '-in', f(`${naam}.csr`), '-CA', f(`${door}.pem`), '-CAkey', f(`${door}.key`), '-CAcreateserial', '-days', '2', '-out', f(`${naam}.pem`), ...extra);
}
ca('ca');
ca('ander-ca');
certificaat('server', '127.0.0.1', 'ca', 'subjectAltName=IP:127.0.0.1\n');
certificaat('backoffice', 'wmo-backoffice', 'ca');
certificaat('indringer', 'wmo-backoffice', 'ander-ca');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const h = appHarnessPerFile({
  config: (c) => {
    c.https = { certFile: f('server.pem'), keyFile: f('server.key'), clientCaFile: f('ca.pem') };
    const check = new ConfigCheck();
    c.notificaties = parseNotificatieConfig(check, { afzenders: [{ applicatie: 'WMO-BACKOFFICE', certificaat: { subject: 'CN=wmo-backoffice' } }], verwerking: TEST_VERWERKING }, 'notificaties');
    check.throwIfProblems();
  },
});

async function stuur(client?: string): Promise<{ status: number; root: string; code?: string }> {
  if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = h.app.server.address() as AddressInfo;
  const agent = new Agent({ connect: { ca: readFileSync(f('ca.pem')), ...(client ? { cert: readFileSync(f(`${client}.pem`)), key: readFileSync(f(`${client}.key`)) } : {}) } });
  try {
    const res = await request(`https://127.0.0.1:${port}/stuf/zds/1.2/OntvangAsynchroon`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${ACTIE_NOTIFICEER}"` },
      body: envelop(notificatieXml({ zender: { applicatie: 'WMO-BACKOFFICE' } })),
    });
    return { status: res.statusCode, ...antwoord(await res.body.text()) };
  } finally {
    await agent.close();
  }
}

describe('a sender authenticated by its TLS client certificate (the facade listening with https and a client CA)', () => {
  it('is answered Bv03 with a certificate of the client CA and the configured subject', async () => {
    expect(await stuur('backoffice')).toMatchObject({ status: 200, root: 'Bv03Bericht' });
  });

  it('is refused (Fo03 StUF052) without a certificate, or with one of another CA that names the same subject', async () => {
    expect(await stuur()).toMatchObject({ status: 500, root: 'Fo03Bericht', code: 'StUF052' });
    expect(await stuur('indringer')).toMatchObject({ status: 500, root: 'Fo03Bericht', code: 'StUF052' });
    const [r] = await h.store.query<{ n: number }>('SELECT COUNT(*) AS n FROM facade_notificatie');
    expect(Number(r!.n)).toBe(1);
  });
});
