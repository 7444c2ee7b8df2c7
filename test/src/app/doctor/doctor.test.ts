import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onderzoek } from '../../../../src/app/doctor/doctor';
import type { Stap } from '../../../../src/app/doctor/stap';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';
import { expectValidStuf } from '../../../support/stuf-validator';

/**
 * The doctor against the embedded zaaksysteem over HTTP on loopback, which refuses a message for another
 * applicatie (StUF010) as real zaaksystemen do: configured right every step passes; wrong dialect, wrong
 * ontvanger, a closed port and an unknown host each fail at their own step, and nothing in the zaaksysteem changes.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'doctor-'));
const antwoorden: { name: string; xml: string }[] = [];
let zs: EmbeddedZaaksysteem;

beforeAll(async () => {
  zs = await startEmbeddedZaaksysteem({
    dataDir: path.join(dir, 'zaaksysteem'),
    weigertAndereOntvanger: true,
    answerTap: ({ xml }) => antwoorden.push({ name: `antwoord-${antwoorden.length}`, xml }),
  });
});

afterAll(async () => {
  await zs?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
function configBestand(zaak: Record<string, unknown> = {}): string {
  const file = path.join(dir, `facade-${n++}.json`);
  const backend = { dialect: 'zds-1.2', endpoints: zs.endpoints['zds-1.2'], zender: { organisatie: '9999', applicatie: 'REGIE' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' }, ...zaak };
  writeFileSync(file, JSON.stringify({ mode: 'development', backends: { zaak: backend } }));
  return file;
}

const stap = (stappen: Stap[], naam: string) => stappen.find((s) => s.naam === `zaaksysteem: ${naam}`);
const gefaald = (stappen: Stap[]) => stappen.filter((s) => s.uitkomst === 'fout').map((s) => s.naam);

async function eenGeslotenPoort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('npm run doctor against the embedded zaaksysteem', () => {
  it('passes every step when configured right, and changes nothing in the zaaksysteem', async () => {
    const zaken = zs.store.zaken.count();
    const reserveringen = await (await request(zs.admin.reserveringenUrl)).body.json();
    const stappen = await onderzoek(configBestand(), {});
    expect(gefaald(stappen)).toEqual([]);
    expect(stappen.map((s) => s.naam)).toEqual([
      'configuratie',
      'zaaksysteem: DNS 127.0.0.1',
      expect.stringMatching(/^zaaksysteem: TCP 127\.0\.0\.1:\d+$/),
      'zaaksysteem: endpoint beantwoordVraag',
      'zaaksysteem: endpoint ontvangAsynchroon',
      'zaaksysteem: endpoint vrijeBerichten',
      'zaaksysteem: WSDL beantwoordVraag',
      'zaaksysteem: WSDL ontvangAsynchroon',
      'zaaksysteem: WSDL vrijeBerichten',
      'zaaksysteem: dialect',
      'zaaksysteem: proefvraag',
    ]);
    expect(stap(stappen, 'dialect')?.uitkomst).toBe('goed');
    expect(stap(stappen, 'proefvraag')?.uitkomst).toBe('goed');
    // the embedded zaaksysteem publishes no WSDL: not a failure, said as such
    expect(stap(stappen, 'WSDL beantwoordVraag')).toMatchObject({ uitkomst: 'overgeslagen', bevinding: expect.stringContaining('geeft geen WSDL') });
    expect(zs.store.zaken.count()).toBe(zaken);
    expect(zaken).toBeGreaterThan(0);
    expect(await (await request(zs.admin.reserveringenUrl)).body.json()).toEqual(reserveringen);
  });

  it('with the wrong dialect fails the dialect step and names the dialect the endpoint speaks', async () => {
    const stappen = await onderzoek(configBestand({ dialect: 'zds-1.1' }), {});
    expect(gefaald(stappen)).toEqual(['zaaksysteem: dialect']);
    expect(stap(stappen, 'dialect')).toMatchObject({
      bevinding: 'Het zaaksysteem spreekt zds-1.2, ingesteld is zds-1.1.',
      advies: "Zet backends.zaak.dialect op 'zds-1.2'.",
    });
  });

  it('with a wrong ontvanger fails the harmless read naming StUF010, in a foutbericht that validates', async () => {
    antwoorden.length = 0;
    const stappen = await onderzoek(configBestand({ ontvanger: { organisatie: '9999', applicatie: 'ANDER-ZAAKSYSTEEM' } }), {});
    expect(gefaald(stappen)).toEqual(['zaaksysteem: proefvraag']);
    expect(stap(stappen, 'proefvraag')).toMatchObject({
      bevinding: expect.stringContaining('weigert de stuurgegevens: Fo02 StUF010'),
      advies: expect.stringContaining('backends.*.ontvanger'),
    });
    const fouten = antwoorden.filter((a) => a.xml.includes('StUF010'));
    expect(fouten.length).toBeGreaterThan(0);
    await expectValidStuf(fouten, '1.2');
  });

  it('with a closed port fails at the TCP step and skips the StUF steps', async () => {
    const poort = await eenGeslotenPoort();
    const url = `http://127.0.0.1:${poort}/zds/1.2`;
    const stappen = await onderzoek(configBestand({ endpoints: { beantwoordVraag: `${url}/BeantwoordVraag`, ontvangAsynchroon: `${url}/OntvangAsynchroon`, vrijeBerichten: `${url}/VerwerkSynchroonVrijBericht` } }), {});
    expect(gefaald(stappen)).toEqual([`zaaksysteem: TCP 127.0.0.1:${poort}`]);
    expect(stappen.at(-1)).toMatchObject({ uitkomst: 'overgeslagen', naam: 'zaaksysteem: StUF' });
  });

  it('with an unknown host fails at the DNS step', async () => {
    const url = 'http://geen-zaaksysteem.invalid/zds';
    const stappen = await onderzoek(configBestand({ endpoints: { beantwoordVraag: `${url}/a`, ontvangAsynchroon: `${url}/b`, vrijeBerichten: `${url}/c` } }), {});
    expect(gefaald(stappen)).toEqual(['zaaksysteem: DNS geen-zaaksysteem.invalid']);
    expect(stappen.find((s) => s.uitkomst === 'fout')?.bevinding).toContain('niet te vinden in DNS');
  });

  it('shows an invalid configuration plainly as the first and only step', async () => {
    const stappen = await onderzoek(configBestand({ dialect: 'zds-2.0' }), {});
    expect(stappen).toHaveLength(1);
    expect(stappen[0]).toMatchObject({ naam: 'configuratie', uitkomst: 'fout', bevinding: expect.stringContaining('config.backends.zaak.dialect') });
  });
});
