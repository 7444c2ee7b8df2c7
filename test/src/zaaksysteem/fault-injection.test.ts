import { describe, expect, it, vi } from 'vitest';
import { request } from 'undici';
import { OPERATIONS } from '../../../soap-clients/stuf/operations';
import { embeddedZaaksysteem } from './embedded-fixture';
import { envelop, fout, SoapTestClient } from './soap-test-client';
import { creeerZaakXml, geefZaakdetailsXml, testZaak } from './zds-berichten';

/** Fault and latency injection: off by default, switched through the admin endpoint, deterministic per seed. */
const zs = embeddedZaaksysteem();
const client = new SoapTestClient(zs);

const VRAAG = '/zds/1.2/BeantwoordVraag';
const DETAILS = OPERATIONS.geefZaakdetails.bindings['zds-1.2'].soapAction;
const vraag = () => envelop(geefZaakdetailsXml('zds-1.2', 'ONBEKEND', ['omschrijving']));

async function setFaults(config: unknown): Promise<{ status: number; json: unknown }> {
  const res = await request(zs().admin.faultsUrl, { method: 'POST', body: JSON.stringify(config), headers: { 'content-type': 'application/json' } });
  return { status: res.statusCode, json: await res.body.json() };
}

/** raw exchange: status, content type and body text, or the error code of a failed connection */
async function raw(): Promise<{ status?: number; type?: string; body?: string; error?: string }> {
  try {
    const res = await request(zs().url + VRAAG, { method: 'POST', headers: { soapaction: DETAILS, 'content-type': 'text/xml' }, body: vraag() });
    return { status: res.statusCode, type: String(res.headers['content-type']), body: await res.body.text() };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

describe('fault injection', () => {
  it('is off by default: a question gets its normal answer', async () => {
    expect(await (await request(zs().admin.faultsUrl)).body.json()).toEqual({});
    expect(fout(await client.post(VRAAG, DETAILS, vraag()))?.code).toBe('StUF064');
  });

  it('validates the configuration it is given', async () => {
    expect((await setFaults({ fo02Fraction: 2 })).status).toBe(400);
    expect((await setFaults({ onbekend: true })).status).toBe(400);
    expect((await setFaults({ latencyMs: { min: 5, max: 1 } })).status).toBe(400);
  });

  it('answers a fraction of requests with Fo02/Fo03 StUF058 without processing them', async () => {
    await setFaults({ fo02Fraction: 1 });
    expect(fout(await client.post(VRAAG, DETAILS, vraag()))).toMatchObject({ berichtcode: 'Fo02', code: 'StUF058', plek: 'server' });
    const creeer = await client.send('zds-1.2', 'creeerZaak', creeerZaakXml('zds-1.2', testZaak('9999FAULT1')));
    expect(fout(creeer)).toMatchObject({ berichtcode: 'Fo03', code: 'StUF058' });
    expect(zs().store.zaken.get('9999FAULT1')).toBeUndefined();
  });

  it('limits faults to the named operations', async () => {
    await setFaults({ fo02Fraction: 1, operations: ['creeerZaak'] });
    expect(fout(await client.post(VRAAG, DETAILS, vraag()))?.code).toBe('StUF064');
  });

  it('sends HTML error pages, resets connections and truncates answers', async () => {
    await setFaults({ html500Fraction: 1 });
    const html = await raw();
    expect(html.status).toBe(500);
    expect(html.type).toContain('text/html');
    await setFaults({ resetFraction: 1 });
    expect((await raw()).error).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    await setFaults({ truncateFraction: 1 });
    const cut = await raw();
    expect(cut.status).toBe(500);
    expect(cut.body).toMatch(/^<\?xml/);
    expect(cut.body).not.toContain('</soap:Envelope>');
  });

  it('adds fixed latency and trickles slow answers', async () => {
    await setFaults({ latencyMs: 150 });
    let t = Date.now();
    await raw();
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    await setFaults({ slowFraction: 1, slowChunkBytes: 200, slowChunkDelayMs: 30 });
    t = Date.now();
    const slow = await raw();
    expect(slow.body).toContain('</soap:Envelope>');
    // the answer is some 1000 bytes: at least 4 pauses
    expect(Date.now() - t).toBeGreaterThanOrEqual(4 * 30);
  });

  it('is deterministic for a seed', async () => {
    const pattern = async () => {
      await setFaults({ seed: 42, fo02Fraction: 0.5, latencyMs: { min: 0, max: 3 } });
      const out: string[] = [];
      for (let i = 0; i < 12; i++) out.push(fout(await client.post(VRAAG, DETAILS, vraag()))!.code);
      return out;
    };
    const first = await pattern();
    expect(first).toContain('StUF058');
    expect(first).toContain('StUF064');
    expect(await pattern()).toEqual(first);
  });

  it('is switched off again with DELETE', async () => {
    await setFaults({ fo02Fraction: 1 });
    expect((await request(zs().admin.faultsUrl, { method: 'DELETE' })).statusCode).toBe(200);
    expect(fout(await client.post(VRAAG, DETAILS, vraag()))?.code).toBe('StUF064');
  });
});

/** creeerZaak as raw exchange: what arrived, or the error code of a failed connection */
async function creeer(id: string): Promise<{ type?: string; error?: string }> {
  const spec = OPERATIONS.creeerZaak;
  try {
    const res = await request(zs().endpoints['zds-1.2'][spec.service], {
      method: 'POST',
      headers: { soapaction: spec.bindings['zds-1.2'].soapAction, 'content-type': 'text/xml' },
      body: envelop(creeerZaakXml('zds-1.2', testZaak(id))),
    });
    await res.body.text();
    return { type: String(res.headers['content-type']) };
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

describe('fault injection after processing', () => {
  it('applies the write, then resets the connection or answers an HTML error page', async () => {
    await setFaults({ resetFraction: 1, afterProcessing: true, operations: ['creeerZaak'] });
    expect((await creeer('9999NARESET')).error).toMatch(/UND_ERR_SOCKET|ECONNRESET/);
    expect(zs().store.zaken.get('9999NARESET')).toBeDefined();
    await setFaults({ html500Fraction: 1, afterProcessing: true, operations: ['creeerZaak'] });
    expect((await creeer('9999NAHTML')).type).toContain('text/html');
    expect(zs().store.zaken.get('9999NAHTML')).toBeDefined();
  });

  it('holds back the answer of a request it has processed already', async () => {
    await setFaults({ latencyMs: 1500, afterProcessing: true, operations: ['creeerZaak'] });
    let beantwoord = false;
    const verzonden = creeer('9999NALAAT').finally(() => (beantwoord = true));
    await vi.waitFor(() => expect(zs().store.zaken.get('9999NALAAT')).toBeDefined(), { timeout: 1400, interval: 10 });
    expect(beantwoord).toBe(false);
    expect((await verzonden).type).toContain('text/xml');
  });

  it('refuses an afterProcessing that is no boolean', async () => {
    expect((await setFaults({ afterProcessing: 'ja' })).status).toBe(400);
  });
});
