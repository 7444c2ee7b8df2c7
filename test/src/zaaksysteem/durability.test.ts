import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../soap-clients/stuf/operations';
import { REPO_ROOT } from '../../support/shared';
import { startEmbeddedZaaksysteem } from '../../../src/zaaksysteem/embedded';
import { ZaaksysteemStore } from '../../../src/zaaksysteem/store/zaaksysteem-store';
import { bytesOf, collectBytes } from '../../../src/core/domain/document';
import { systemContext } from '../../../src/core/domain/request-context';
import { fullDate } from '../../../src/core/domain/stuf-date';
import { AnswerLog } from './embedded-fixture';
import { registersFor } from './registers';
import { envelop } from './soap-test-client';
import { creeerZaakXml, testZaak, voegZaakdocumentToeXml } from './zds-berichten';

const ctx = systemContext('durability');

const dirs: string[] = [];
const newDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'zaaksysteem-durability-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A zaak with several relations, so that a half-written one would show. */
const volledig = (id: string) =>
  testZaak(id, {
    clients: [{ bsn: '999990019' }, { bsn: '999990020' }, { bsn: '999990032' }],
    belanghebbenden: [{ persoon: { bsn: '999990044' }, omschrijving: 'Mantelzorger' }, { persoon: { bsn: '999990068' }, omschrijving: 'Buur' }],
    uitvoerenden: [
      { soort: 'medewerker', medewerker: { identificatie: 'WT-1' } },
      { soort: 'vestiging', vestiging: { vestigingsNummer: '000012345678' } },
    ],
    gerelateerdeZaken: [{ identificatie: '9999-GZP-0001' }],
  });

describe('durability of the embedded zaaksysteem', () => {
  it('keeps zaken, statuses, documents and the identificatie counter across a restart', async () => {
    const dataDir = newDir();
    const log = new AnswerLog();
    let zs = await startEmbeddedZaaksysteem({ dataDir, demo: false, answerTap: log.tap });
    let r = registersFor(zs, 'zds-1.2');
    const content = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 7) & 0xff));
    await r.zaken.creeerZaak(ctx, volledig('9999RESTART'));
    await r.zaken.actualiseerZaakstatus(ctx, '9999RESTART', {
      statustype: { code: 'INTAKE', omschrijving: 'Intake afgerond', volgnummer: '1' },
      datumStatusGezet: '20260202120000',
    });
    const docId = await r.documenten.genereerDocumentIdentificatie(ctx);
    await r.documenten.voegZaakdocumentToe(ctx, '9999RESTART', {
      identificatie: docId, documenttype: 'Verslag', titel: 'Verslag', creatiedatum: fullDate('2026-02-02'), taal: 'nld', auteur: 'T',
      inhoud: { bestandsnaam: 'v.bin', contentType: 'application/octet-stream', body: bytesOf(content) },
    });
    const eerste = await r.zaken.genereerZaakIdentificatie(ctx);
    await r.backends.close();
    await zs.close();

    zs = await startEmbeddedZaaksysteem({ dataDir, demo: false, answerTap: log.tap });
    r = registersFor(zs, 'zds-1.2');
    try {
      const zaak = await r.zaken.geefZaak(ctx, '9999RESTART', ['clients', 'belanghebbenden', 'uitvoerenden', 'gerelateerdeZaken']);
      expect(zaak.clients?.map((c) => c.bsn)).toEqual(['999990019', '999990020', '999990032']);
      expect(zaak.belanghebbenden).toHaveLength(2);
      expect(zaak.gerelateerdeZaken?.map((z) => z.identificatie)).toEqual(['9999-GZP-0001']);
      const statussen = await r.zaken.geefStatussen(ctx, '9999RESTART');
      expect(statussen.map((s) => [s.statustype.code, s.statustype.volgnummer, s.datumStatusGezet])).toEqual([['INTAKE', '1', '20260202120000']]);
      const gelezen = await r.documenten.leesDocument(ctx, docId);
      expect((await collectBytes(gelezen.inhoud.body)).equals(content)).toBe(true);
      expect((await r.zaken.genereerZaakIdentificatie(ctx)) > eerste).toBe(true);
    } finally {
      await r.backends.close();
      await zs.close();
    }
    await log.expectAllValid();
  }, 120_000);

  it('leaves every zaak complete or absent when the process is killed during writes', async () => {
    const dataDir = newDir();
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src/zaaksysteem/standalone.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, ZAAKSYSTEEM_PORT: '0', ZAAKSYSTEEM_DATA_DIR: dataDir, ZAAKSYSTEEM_DEMO: 'false' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', resolve);
        child.once('exit', () => reject(new Error('stand-alone zaaksysteem exited before listening')));
      });
      const { endpoints } = JSON.parse(line) as { endpoints: Record<string, Record<string, string>> };
      const url = endpoints['zds-1.2']!.ontvangAsynchroon!;
      const bevestigd: string[] = [];
      let killed = false;
      const creeer = async (i: number) => {
        const id = `9999CRASH${String(i).padStart(4, '0')}`;
        const body = envelop(
          i % 3 === 0
            ? await voegZaakdocumentToeXml('zds-1.2', `9999CRASH${String(i - 1).padStart(4, '0')}`, `DOC-C${i}`, Buffer.alloc(200_000, i & 0xff))
            : creeerZaakXml('zds-1.2', volledig(id)),
        );
        const op = i % 3 === 0 ? OPERATIONS.voegZaakdocumentToe : OPERATIONS.creeerZaak;
        try {
          const res = await request(url, { method: 'POST', headers: { soapaction: op.bindings['zds-1.2'].soapAction }, body });
          const xml = await res.body.text();
          if (res.statusCode === 200 && xml.includes('Bv03Bericht') && i % 3 !== 0) bevestigd.push(id);
        } catch {
          // the connection died with the process
        }
        if (!killed && bevestigd.length >= 15) {
          killed = true;
          child.kill('SIGKILL');
        }
      };
      // four writers at a time until the kill
      for (let i = 1; i <= 400 && !killed; i += 4) await Promise.all([i, i + 1, i + 2, i + 3].map(creeer));
      expect(killed).toBe(true);
      await exited;

      const store = ZaaksysteemStore.open({ dataDir });
      try {
        const zaken = store.zaken.find({ zaaktypeCode: 'GZP' });
        // acknowledged writes survive (synchronous=FULL); no zaak lacks any of its relations
        for (const id of bevestigd) expect(store.zaken.get(id)).toBeDefined();
        expect(zaken.length).toBeGreaterThanOrEqual(bevestigd.length);
        for (const { zaak } of zaken) {
          expect(zaak.clients).toHaveLength(3);
          expect(zaak.belanghebbenden).toHaveLength(2);
          expect(zaak.uitvoerenden).toHaveLength(2);
          expect(store.zaken.find({ clientBsn: '999990032', identificatie: zaak.identificatie })).toHaveLength(1);
        }
        // every document row has its whole content file; no temp files are left after start-up
        for (const { zaak } of zaken) {
          for (const d of store.documenten.list(zaak.identificatie)) {
            expect(statSync(path.join(dataDir, 'inhoud', d.inhoud!.bestand)).size).toBe(200_000);
          }
        }
        expect(readdirSync(path.join(dataDir, 'tmp'))).toEqual([]);
      } finally {
        store.close();
      }
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    }
  }, 120_000);
});
