import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSoapTransport } from '../../../soap-clients/transport/http-soap-transport';
import { answer, backendConfig, call, example, soap11, startFakeBackend, vrijBericht, type FakeBackend } from './fake-backend';

/**
 * Mutual TLS against a backend that demands a client certificate. A throwaway CA, server and client certificate
 * are made with the openssl CLI for this run only.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'stuf-mtls-'));
const file = (name: string) => path.join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

function issue(name: string, subject: string, extensions: string, keyArgs: string[] = ['-noenc']) {
  writeFileSync(file(`${name}.ext`), extensions);
  openssl('req', '-newkey', 'rsa:2048', ...keyArgs, '-keyout', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1',
    '-extfile', `${name}.ext`, '-out', `${name}.crt`);
}

let backend: FakeBackend;
const DU02 = soap11(example('zds-1.2/stp/genereerZaakIdentificatie/genereerZaakIdentificatie_Du02_02.xml'));

beforeAll(async () => {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-noenc', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=Test CA');
  issue('server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue('client', '/O=Gemeente/CN=regiesysteem', 'extendedKeyUsage=clientAuth\n');
  issue('locked', '/O=Gemeente/CN=regiesysteem-2', 'extendedKeyUsage=clientAuth\n', ['-passout', 'pass:s3cret']);
  backend = await startFakeBackend(answer(200, DU02), {
    key: readFileSync(file('server.key')),
    cert: readFileSync(file('server.crt')),
    ca: readFileSync(file('ca.crt')),
    requestCert: true,
    rejectUnauthorized: true,
  });
});

afterAll(async () => {
  await backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function send(tls: Record<string, string>) {
  const transport = new HttpSoapTransport(backendConfig(backend.url, { tls }));
  try {
    return await transport.send(call('genereerZaakIdentificatie', vrijBericht('genereerZaakIdentificatie', 'zds-1.2')));
  } finally {
    await transport.close();
  }
}

describe('mutual TLS', () => {
  it('is accepted with the client certificate and key', async () => {
    const du02 = await send({ certFile: file('client.crt'), keyFile: file('client.key'), caFile: file('ca.crt') });
    expect(du02.local).toBe('genereerZaakIdentificatie_Du02');
  });

  it('works with a passphrase-protected key', async () => {
    const du02 = await send({ certFile: file('locked.crt'), keyFile: file('locked.key'), caFile: file('ca.crt'), passphrase: 's3cret' });
    expect(du02.local).toBe('genereerZaakIdentificatie_Du02');
  });

  it('is refused without a client certificate: BACKEND_UNAVAILABLE', async () => {
    const before = backend.requests.length;
    await expect(send({ caFile: file('ca.crt') })).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(backend.requests.length).toBe(before);
  });

  it('refuses a server whose certificate is not from the configured CA', async () => {
    // no caFile: the system CAs do not know our throwaway CA
    await expect(send({ certFile: file('client.crt'), keyFile: file('client.key') })).rejects.toMatchObject({
      code: 'BACKEND_UNAVAILABLE',
      internal: expect.stringMatching(/CERT|UNABLE_TO/),
    });
  });
});
