import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onderzoek } from '../../../../src/app/doctor/doctor';

/**
 * The doctor's TLS steps against an https server with a throwaway CA, server and client certificate made with the
 * openssl CLI for this run only; the expired client certificate is signed with dates in the past (`openssl ca`).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'doctor-tls-'));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
let server: Server;
let base: string;

function aanvraag(name: string, subject: string) {
  openssl('req', '-newkey', 'rsa:2048', '-noenc', '-keyout', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
}

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-noenc', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=Test CA');
  for (const [name, subject, ext] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n'],
    ['client', '/O=Gemeente/CN=regiesysteem', 'extendedKeyUsage=clientAuth\n'],
  ] as const) {
    aanvraag(name, subject);
    writeFileSync(file(`${name}.ext`), ext);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', `${name}.ext`, '-out', `${name}.crt`);
  }
  aanvraag('verlopen', '/O=Gemeente/CN=regiesysteem-oud');
  writeFileSync(file('index.txt'), '');
  writeFileSync(file('serial'), '1000\n');
  writeFileSync(file('ca.cnf'), '[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\n[p]\ncommonName=supplied\norganizationName=optional\n');
  openssl('ca', '-batch', '-notext', '-config', 'ca.cnf', '-cert', 'ca.crt', '-keyfile', 'ca.key', '-in', 'verlopen.csr', '-out', 'verlopen.crt', '-startdate', '20200101000000Z', '-enddate', '20200201000000Z');
  server = createServer({ key: readFileSync(file('server.key')), cert: readFileSync(file('server.crt')), ca: readFileSync(file('ca.crt')), requestCert: true, rejectUnauthorized: false }, (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('geen StUF');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

async function stappenMet(cert: string) {
  const config = file(`facade-${cert}.json`);
  const endpoints = { beantwoordVraag: `${base}/a`, ontvangAsynchroon: `${base}/b`, vrijeBerichten: `${base}/c` };
  const tls = { certFile: file(`${cert}.crt`), keyFile: file(`${cert}.key`), caFile: file('ca.crt') };
  writeFileSync(config, JSON.stringify({ mode: 'development', backends: { zaak: { dialect: 'zds-1.2', endpoints, zender: { applicatie: 'REGIE' }, ontvanger: { applicatie: 'ZAAKSYSTEEM' }, tls } } }));
  const stappen = await onderzoek(config, {});
  return (naam: string) => stappen.find((s) => s.naam === `zaaksysteem: ${naam}`);
}

describe('npm run doctor over TLS', () => {
  it('passes the handshake, the server certificate (dates, host, configured CA) and the client certificate', async () => {
    const stap = await stappenMet('client');
    expect(stap(`TLS 127.0.0.1:${new URL(base).port}`)).toMatchObject({ uitkomst: 'goed', bevinding: expect.stringContaining('hoort bij 127.0.0.1') });
    expect(stap('clientcertificaat')).toMatchObject({ uitkomst: 'goed', bevinding: expect.stringContaining('horen bij elkaar') });
    // this server speaks no StUF: the StUF steps say so
    expect(stap('dialect')?.uitkomst).toBe('fout');
  });

  it('reports an expired client certificate', async () => {
    const stap = await stappenMet('verlopen');
    expect(stap('clientcertificaat')).toMatchObject({ uitkomst: 'fout', bevinding: expect.stringContaining('verlopen op Feb  1 00:00:00 2020 GMT') });
  });
});
