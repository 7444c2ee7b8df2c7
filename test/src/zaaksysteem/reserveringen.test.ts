import path from 'node:path';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../support/shared';
import { startEmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import type { Reservering } from '../../../src/zaaksysteem/store/identificatie';
import { AnswerLog } from './embedded-fixture';
import { find, readExample, SoapTestClient, text } from './soap-test-client';
import { tempDataDirs } from './temp-dir';
import { creeerZaakXml, testZaak } from './zds-berichten';

/**
 * Every identificatie the zaaksysteem hands out is recorded with the referentienummer of the Di02 that asked for
 * it, durably, and listed on the loopback admin endpoint: what a crash test compares with the facade's journal.
 */
const newDir = tempDataDirs();
const STP = path.join(EXAMPLES, 'zds-1.2', 'stp');

/** an official STP Di02, with a referentienummer of our own in its stuurgegevens (the examples have none) */
const di02 = (soort: 'Zaak' | 'Document', referentienummer?: string) => {
  const bestand = soort === 'Zaak' ? 'genereerZaakIdentificatie/genereerZaakIdentificatie_Di02_01.xml' : 'genereerDocumentIdentificatie/genereerDocumentIdentificatie_Di02.xml';
  const ref = referentienummer ? `<StUF:referentienummer>${referentienummer}</StUF:referentienummer>` : '';
  return readExample(path.join(STP, bestand), { '<StUF:tijdstipBericht>': `${ref}<StUF:tijdstipBericht>` });
};

async function lijst(url: string): Promise<{ status: number; json: unknown }> {
  const res = await request(url);
  return { status: res.statusCode, json: await res.body.json() };
}

describe('reserved identificaties', () => {
  it('lists each one with its kind and the referentienummer of the Di02, used or not, also after a restart', async () => {
    const dataDir = newDir();
    const log = new AnswerLog();
    let zs = await startEmbeddedZaaksysteem({ dataDir, demo: false, answerTap: log.tap });
    const client = new SoapTestClient(() => zs);
    const reserveer = async (soort: 'Zaak' | 'Document', ref?: string) => {
      const a = await client.send('zds-1.2', `genereer${soort}Identificatie`, di02(soort, ref));
      return text(find(a.body, soort === 'Zaak' ? 'zaak' : 'document'), 'identificatie')!;
    };
    const gebruikt = await reserveer('Zaak', 'ref-zaak-1');
    const ongebruikt = await reserveer('Zaak', 'ref-zaak-2');
    const document = await reserveer('Document', 'ref-document-1');
    const zonderRef = await reserveer('Zaak');
    await client.send('zds-1.2', 'creeerZaak', creeerZaakXml('zds-1.2', testZaak(gebruikt)));

    const verwacht: Reservering[] = [
      { identificatie: gebruikt, soort: 'zaak', referentienummer: 'ref-zaak-1' },
      { identificatie: ongebruikt, soort: 'zaak', referentienummer: 'ref-zaak-2' },
      { identificatie: document, soort: 'document', referentienummer: 'ref-document-1' },
      { identificatie: zonderRef, soort: 'zaak', referentienummer: null },
    ];
    expect(await lijst(zs.admin.reserveringenUrl)).toEqual({ status: 200, json: verwacht });

    await zs.close();
    zs = await startEmbeddedZaaksysteem({ dataDir, demo: false, answerTap: log.tap });
    try {
      expect((await lijst(zs.admin.reserveringenUrl)).json).toEqual(verwacht);
      // the reservations keep the counter's order across the restart
      await reserveer('Zaak', 'ref-na-herstart');
      expect((await lijst(zs.admin.reserveringenUrl)).json).toHaveLength(5);
    } finally {
      await zs.close();
    }
    await log.expectAllValid('1.2');
  });

  it('is read only', async () => {
    const zs = await startEmbeddedZaaksysteem({ dataDir: newDir(), demo: false });
    try {
      const res = await request(zs.admin.reserveringenUrl, { method: 'DELETE' });
      expect(res.statusCode).toBe(405);
      await res.body.dump();
      expect((await lijst(zs.admin.reserveringenUrl)).json).toEqual([]);
    } finally {
      await zs.close();
    }
  });
});
