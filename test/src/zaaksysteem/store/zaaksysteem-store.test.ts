import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import { FacadeError } from '../../../../src/core/domain/errors';
import { NoValue } from '../../../../src/core/domain/no-value';
import type { Zaak } from '../../../../src/core/domain/zaak';
import { ZaaksysteemStore } from '../../../../src/zaaksysteem/store/zaaksysteem-store';
import { tempDataDirs } from '../temp-dir';

const newDir = tempDataDirs();

const zaak = (identificatie: string, over: Partial<Zaak> = {}): Zaak => ({
  identificatie,
  omschrijving: 'Gezinsplan',
  zaaktype: { code: 'GZP', omschrijving: 'Opstellen en uitvoeren gezinsplan' },
  startdatum: { iso: '2026-01-05', precision: 'dag' },
  einddatum: NoValue.of('geenWaarde'),
  initiator: { soort: 'medewerker', medewerker: { identificatie: 'MDW1' } },
  clients: [{ bsn: '999990019' }],
  gerelateerdeZaken: [],
  ...over,
});

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return e instanceof FacadeError ? e.code : String(e);
  }
  return undefined;
}

describe('ZaaksysteemStore', () => {
  it('hands out unique, increasing identificaties in the configured format, also after a restart', () => {
    const dir = newDir();
    let store = ZaaksysteemStore.open({ dataDir: dir, zaakIdentificatie: { prefix: 'Z', gemeentecode: '0599', cijfers: 6 } });
    const a = store.nextZaakIdentificatie();
    // a client-chosen identificatie in our range is skipped, not handed out again
    store.zaken.create(zaak('Z0599000002'));
    const b = store.nextZaakIdentificatie();
    store.close();
    store = ZaaksysteemStore.open({ dataDir: dir, zaakIdentificatie: { prefix: 'Z', gemeentecode: '0599', cijfers: 6 } });
    const c = store.nextZaakIdentificatie();
    const d = store.nextDocumentIdentificatie();
    store.close();
    expect([a, b, c]).toEqual(['Z0599000001', 'Z0599000003', 'Z0599000004']);
    expect(d).toBe('DOC99990000000001');
  });

  it('refuses an invalid identificatie format at start-up', () => {
    expect(code(() => ZaaksysteemStore.open({ dataDir: newDir(), zaakIdentificatie: { cijfers: 50 } }))).toBe('CONFIG_INVALID');
  });

  it('stores a zaak with NoValue intact, refuses a duplicate, and finds it by every criterion', () => {
    const store = ZaaksysteemStore.open({ dataDir: newDir() });
    store.zaken.create(zaak('Z1'));
    store.zaken.create(zaak('Z2', { zaaktype: { code: 'WMO', omschrijving: 'Wmo' }, gerelateerdeZaken: [{ identificatie: 'Z1' }] }));
    expect(code(() => store.zaken.create(zaak('Z1')))).toBe('ALREADY_EXISTS');
    expect(store.zaken.get('Z1')?.zaak.einddatum).toBe(NoValue.of('geenWaarde'));
    const ids = (q: Parameters<typeof store.zaken.find>[0], max?: number) => store.zaken.find(q, max).map((s) => s.zaak.identificatie);
    expect(ids({ clientBsn: '999990019' })).toEqual(['Z1', 'Z2']);
    expect(ids({ clientBsn: '999990019', zaaktypeCode: 'GZP' })).toEqual(['Z1']);
    expect(ids({ gerelateerdeZaak: 'Z1' })).toEqual(['Z2']);
    expect(ids({ initiatorMedewerker: 'MDW1' }, 1)).toEqual(['Z1']);
    expect(ids({ identificatie: 'Z2' })).toEqual(['Z2']);
    expect(ids({ clientBsn: '999990020' })).toEqual([]);
    store.close();
  });

  it('updates in one transaction: a failing change leaves the zaak and its search rows untouched', () => {
    const store = ZaaksysteemStore.open({ dataDir: newDir() });
    store.zaken.create(zaak('Z1'));
    expect(
      code(() =>
        store.zaken.update('Z1', () => {
          throw new FacadeError('CONFLICT', 'oud past niet');
        }),
      ),
    ).toBe('CONFLICT');
    store.zaken.update('Z1', (z) => ({ ...z, clients: [{ bsn: '999990020' }] }));
    expect(store.zaken.find({ clientBsn: '999990019' })).toEqual([]);
    expect(store.zaken.find({ clientBsn: '999990020' }).map((s) => s.versie)).toEqual([2]);
    expect(code(() => store.zaken.update('ONBEKEND', (z) => z))).toBe('NOT_FOUND');
    store.close();
  });

  it('gives statuses the volgnummer of their statustype and keeps the history', () => {
    const store = ZaaksysteemStore.open({ dataDir: newDir() });
    store.zaken.create(zaak('Z1'));
    store.zaken.create(zaak('Z2'));
    store.zaken.addStatus('Z1', { statustype: { code: 'INTAKE' }, datumStatusGezet: '20260105100000' });
    store.zaken.addStatus('Z1', { statustype: { code: 'UITV', volgnummer: '5' }, datumStatusGezet: '20260106100000' });
    store.zaken.addStatus('Z1', { statustype: { code: 'KLAAR' }, datumStatusGezet: '20260107100000' });
    // same zaaktype: the statustype keeps its volgnummer for every zaak
    const z2 = store.zaken.addStatus('Z2', { statustype: { code: 'UITV' }, datumStatusGezet: '20260108100000' });
    const s = store.zaken.statuses('Z1');
    expect(s.map((x) => [x.statustype.code, x.statustype.volgnummer, x.indicatieLaatsteStatus])).toEqual([
      ['INTAKE', '1', false],
      ['UITV', '5', false],
      ['KLAAR', '6', true],
    ]);
    expect(z2.statustype.volgnummer).toBe('5');
    expect(store.zaken.get('Z1')?.zaak.statussen).toHaveLength(3);
    store.close();
  });

  it('keeps document content byte-exact in a file and enforces the checkout lock', async () => {
    const dir = newDir();
    const store = ZaaksysteemStore.open({ dataDir: dir });
    store.zaken.create(zaak('Z1'));
    const data = Buffer.alloc(3_000_000, 7);
    data.write('%PDF-1.7', 0);
    const pending = store.content.begin();
    await pending.writeAll(bytesOf(data));
    pending.finish();
    store.documenten.add('Z1', { identificatie: 'D1', titel: 'Plan' }, { pending, bestandsnaam: 'plan.pdf', contentType: 'application/pdf' });
    expect(code(() => store.documenten.add('Z1', { identificatie: 'D1' }))).toBe('ALREADY_EXISTS');
    expect(code(() => store.documenten.add('ONBEKEND', { identificatie: 'D2' }))).toBe('NOT_FOUND');
    const doc = store.documenten.require('D1');
    expect(doc.inhoud).toMatchObject({ grootte: data.length, bestandsnaam: 'plan.pdf', contentType: 'application/pdf' });
    expect((await collectBytes(store.documenten.content(doc.inhoud!))).equals(data)).toBe(true);

    const co = store.documenten.checkout('D1', 'gebruiker1');
    expect(code(() => store.documenten.checkout('D1'))).toBe('LOCKED');
    expect(code(() => store.documenten.update('D1', 'fout-id', (d) => d))).toBe('LOCKED');
    expect(code(() => store.documenten.cancelCheckout('D1', undefined))).toBe('LOCKED');
    const next = store.content.begin();
    await next.writeAll(bytesOf(Buffer.from('versie 2')));
    next.finish();
    store.documenten.update('D1', co, (d) => ({ ...d, titel: 'Plan v2' }), { pending: next });
    const updated = store.documenten.require('D1');
    expect(updated.checkout).toBeUndefined();
    expect(updated.document.titel).toBe('Plan v2');
    expect(updated.inhoud?.bestandsnaam).toBe('plan.pdf');
    expect((await collectBytes(store.documenten.content(updated.inhoud!))).toString()).toBe('versie 2');
    // the replaced file is gone: one content file left
    expect(readdirSync(path.join(dir, 'inhoud'))).toHaveLength(1);
    expect(code(() => store.documenten.cancelCheckout('D1', co))).toBe('CONFLICT');
    store.close();
  });

  it('removes leftovers of interrupted writes at start-up and keeps referenced content', async () => {
    const dir = newDir();
    let store = ZaaksysteemStore.open({ dataDir: dir });
    store.zaken.create(zaak('Z1'));
    const pending = store.content.begin();
    await pending.writeAll(bytesOf(Buffer.from('inhoud')));
    store.documenten.add('Z1', { identificatie: 'D1' }, { pending });
    store.close();
    writeFileSync(path.join(dir, 'tmp', 'half.part'), 'x');
    writeFileSync(path.join(dir, 'inhoud', 'wees'), 'x');
    store = ZaaksysteemStore.open({ dataDir: dir });
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'inhoud'))).toEqual([store.documenten.require('D1').inhoud!.bestand]);
    store.close();
  });
});
