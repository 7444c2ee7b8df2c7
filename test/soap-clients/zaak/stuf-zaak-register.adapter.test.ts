import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../src/core/domain/errors';
import type { RequestContext } from '../../../src/core/domain/request-context';
import type { Zaak } from '../../../src/core/domain/zaak';
import { encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { DIALECTS, OPERATIONS, type Dialect } from '../../../soap-clients/stuf/operations';
import { readStuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import type { SoapCall, SoapTransport, ZdsBackend } from '../../../soap-clients/transport/soap-transport';
import { decodeGenereerIdentificatieDi02, encodeGenereerIdentificatieDu02 } from '../../../soap-clients/vrije-berichten/genereer-identificatie.mapper';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import { toXml } from '../../../soap-clients/xml/xml-writer';
import { StufZaakRegister } from '../../../soap-clients/zaak/stuf-zaak-register.adapter';
import { encodeZakLa01 } from '../../../soap-clients/zaak/zakLa01.mapper';
import { decodeUpdateZaakLk01 } from '../../../soap-clients/zaak/zakLk01-update.mapper';
import { buildGeefZaakdetailsLv01, decodeZakLv01, ZOEK_ZAKEN } from '../../../soap-clients/zaak/zakLv01.mapper';
import { GEZINSPLAN, KOP, stempel } from './zaak-fixtures';
import { overDeLijn, xp } from './zaak-test-helpers';

const CTX: RequestContext = { requestId: 'req-1', gebruiker: 'regisseur.jansen' };

/** A transport that records what is sent and answers through `antwoord` (as a zaaksysteem would, over the wire). */
class OpnemendeTransport implements SoapTransport {
  readonly calls: { call: SoapCall; root: XEl }[] = [];
  constructor(private readonly antwoord: (root: XEl, call: SoapCall) => XEl) {}
  async send(call: SoapCall): Promise<XEl> {
    const root = overDeLijn(call.body);
    this.calls.push({ call, root });
    return this.antwoord(root, call);
  }
  async close(): Promise<void> {}
}

const bv03 = (root: XEl): XEl => overDeLijn(encodeBv03(readStuurgegevens(root)));

/** Answers questions from `zaken` the way the embedded zaaksysteem does, and mutations with a Bv03. */
function zaaksysteem(dialect: Dialect, zaken: Zaak[]) {
  return (root: XEl, call: SoapCall): XEl => {
    if (call.operation.berichtcode === 'Lk01') return bv03(root);
    if (call.operation.berichtcode === 'Di02') return overDeLijn(encodeGenereerIdentificatieDu02(decodeGenereerIdentificatieDi02(root), 'ZAAK-2025-0007'));
    const vraag = decodeZakLv01(root, call.operation.bindings[dialect].soapAction);
    const gevonden = zaken.filter((z) => !vraag.criteria.identificatie || z.identificatie === vraag.criteria.identificatie);
    return overDeLijn(encodeZakLa01(vraag, gevonden));
  };
}

function register(dialect: Dialect, antwoord: (root: XEl, call: SoapCall) => XEl) {
  const transport = new OpnemendeTransport(antwoord);
  const backend: ZdsBackend = { role: 'zaak', dialect, zender: { ...KOP.zender, gebruiker: undefined }, ontvanger: KOP.ontvanger, transport };
  return { transport, register: new StufZaakRegister(new StufClient(backend)) };
}

const HUIDIG: Zaak = {
  ...GEZINSPLAN,
  statussen: [
    { statustype: { code: 'S2', omschrijving: 'Plan vastgesteld', volgnummer: '2' }, datumStatusGezet: '20250301093000' },
    { statustype: { code: 'S1', omschrijving: 'Intake', volgnummer: '1' }, datumStatusGezet: '20250201103000' },
  ],
};

const fout = async (p: Promise<unknown>): Promise<FacadeError> => {
  try {
    await p;
  } catch (e) {
    return e as FacadeError;
  }
  throw new Error('no error');
};

describe.each(DIALECTS)('StufZaakRegister over %s', (dialect) => {
  it('creeerZaak sends the Lk01 of the dialect with the user in zender.gebruiker and accepts the Bv03', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, []));
    await r.creeerZaak(CTX, GEZINSPLAN);
    const [{ call, root }] = transport.calls as [{ call: SoapCall; root: XEl }];
    expect(call.operation).toBe(OPERATIONS.creeerZaak);
    expect(root.local).toBe(dialect === 'zds-1.1' ? 'zakLk01' : 'creeerZaak_ZakLk01');
    expect(readStuurgegevens(root).zender.gebruiker).toBe('regisseur.jansen');
  });

  it('a mutation answered with something else than a Bv03 is a protocol error', async () => {
    const la01 = overDeLijn(encodeZakLa01(decodeZakLv01(overDeLijn(stempel(buildGeefZaakdetailsLv01(dialect, 'Z1', [])))), []));
    const { register: r } = register(dialect, () => la01);
    const status = { statustype: { code: 'S', omschrijving: 'Intake', volgnummer: '1' }, datumStatusGezet: '20250101000000' };
    expect((await fout(r.actualiseerZaakstatus(CTX, 'Z1', status))).code).toBe('BACKEND_PROTOCOL');
  });

  it('genereerZaakIdentificatie returns the identificatie of the Du02', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, []));
    expect(await r.genereerZaakIdentificatie(CTX)).toBe('ZAAK-2025-0007');
    expect(transport.calls[0]!.call.operation).toBe(OPERATIONS.genereerZaakIdentificatie);
  });

  it('geefZaak reads the zaak with the requested fields, and NOT_FOUND when the answer has none', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, [HUIDIG]));
    expect(await r.geefZaak(CTX, HUIDIG.identificatie, ['omschrijving', 'belanghebbenden'])).toEqual({
      identificatie: HUIDIG.identificatie,
      omschrijving: HUIDIG.omschrijving,
      belanghebbenden: HUIDIG.belanghebbenden,
    });
    expect(xp(toXml(transport.calls[0]!.call.body), 'count(//ZKN:scope/ZKN:object/*)')).toEqual(['3']);
    expect((await fout(r.geefZaak(CTX, 'ONBEKEND', ['omschrijving']))).code).toBe('NOT_FOUND');
  });

  it('every read by identificatie refuses an answer about another zaak (BACKEND_PROTOCOL)', async () => {
    // a zaaksysteem that answers every question with the zaak of another family
    const ander: Zaak = { ...HUIDIG, identificatie: 'ANDERE-ZAAK', omschrijving: 'Gezinsplan van een ander gezin' };
    const verkeerd = (root: XEl, call: SoapCall): XEl => {
      const vraag = decodeZakLv01(root, call.operation.bindings[dialect].soapAction);
      return overDeLijn(encodeZakLa01(vraag, [ander]));
    };
    const { register: r } = register(dialect, verkeerd);
    const reads: [string, Promise<unknown>][] = [
      ['geefZaakdetails', r.geefZaak(CTX, HUIDIG.identificatie, ['omschrijving'])],
      [dialect === 'zds-1.1' ? 'geefZaakstatus' : 'geefZaakdetails', r.geefStatussen(CTX, HUIDIG.identificatie)],
      ['geefZaakdetails', r.zoekZaken(CTX, { identificatie: HUIDIG.identificatie, zaaktypeCode: 'GZP' }, ['omschrijving'], 1)],
    ];
    for (const [operatie, read] of reads) {
      const e = await fout(read);
      expect(e.code).toBe('BACKEND_PROTOCOL');
      expect(e.publicMessage).toBe('Het zaaksysteem gaf een ongeldig antwoord');
      expect(e.internal).toBe(`${operatie} answered about another zaak than ${HUIDIG.identificatie} (identificatie differs)`);
    }
    // the asked zaak and another one in one answer: nothing of the other is served either
    const { register: twee } = register(dialect, (root, call) =>
      overDeLijn(encodeZakLa01({ ...decodeZakLv01(root, call.operation.bindings[dialect].soapAction), maximumAantal: 5 }, [HUIDIG, ander])),
    );
    expect((await fout(twee.zoekZaken(CTX, { identificatie: HUIDIG.identificatie, zaaktypeCode: 'GZP' }, [], 5))).internal).toMatch(/\(2 objects\)$/);
    // a search on other criteria may of course find other zaken
    expect(await twee.zoekZaken(CTX, { zaaktypeCode: 'GZP' }, [], 5)).toHaveLength(2);
  });

  it('zoekZaken goes through ZOEK_ZAKEN with maximumAantal; a Fo02 "niet gevonden" is an empty result', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, [HUIDIG, { ...HUIDIG, identificatie: 'ANDER' }]));
    const zaken = await r.zoekZaken(CTX, { clientBsn: '999993653' }, ['omschrijving'], 1);
    expect(zaken).toEqual([{ identificatie: HUIDIG.identificatie, omschrijving: HUIDIG.omschrijving }]);
    expect(transport.calls[0]!.call.operation).toBe(ZOEK_ZAKEN);
    expect(xp(toXml(transport.calls[0]!.call.body), '//StUF:maximumAantal')).toEqual(['1']);

    const { register: leeg } = register(dialect, () => {
      throw new FacadeError('NOT_FOUND', 'Object niet gevonden');
    });
    expect(await leeg.zoekZaken(CTX, { zaaktypeCode: 'GZP' }, ['omschrijving'])).toEqual([]);
    const { register: kapot } = register(dialect, () => {
      throw new FacadeError('BACKEND_FAULT', 'Proces voor afhandelen bericht geeft fout');
    });
    expect((await fout(kapot.zoekZaken(CTX, { zaaktypeCode: 'GZP' }, ['omschrijving']))).code).toBe('BACKEND_FAULT');
  });

  it('geefStatussen gives the history oldest first (ZDS 1.1 geefZaakstatus, ZDS 1.2 geefZaakdetails)', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, [HUIDIG]));
    const statussen = await r.geefStatussen(CTX, HUIDIG.identificatie);
    expect(statussen.map((s) => s.statustype.volgnummer)).toEqual(['1', '2']);
    expect(transport.calls[0]!.call.operation).toBe(dialect === 'zds-1.1' ? OPERATIONS.geefZaakstatus : OPERATIONS.geefZaakdetails);
  });

  it('updateZaak without basis fetches the current state with the scope of the change, then sends oud/nieuw', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, [HUIDIG]));
    await r.updateZaak(CTX, HUIDIG.identificatie, { omschrijving: 'Nieuwe omschrijving', clients: { verwijderen: ['999991723'] } });
    const [vraag, update] = transport.calls as [{ call: SoapCall; root: XEl }, { call: SoapCall; root: XEl }];
    expect(vraag.call.operation).toBe(OPERATIONS.geefZaakdetails);
    expect(decodeZakLv01(vraag.root).velden).toEqual(['omschrijving', 'clients']);
    expect(update.call.operation).toBe(OPERATIONS.updateZaak);
    const verzoek = decodeUpdateZaakLk01(update.root);
    expect(verzoek.oud.omschrijving).toBe(HUIDIG.omschrijving);
    expect(verzoek.nieuw.omschrijving).toBe('Nieuwe omschrijving');
    expect(verzoek.verwijderen).toEqual({ clients: [HUIDIG.clients![1]] });
  });

  it('updateZaak with basis builds oud from it without asking', async () => {
    const { transport, register: r } = register(dialect, zaaksysteem(dialect, [HUIDIG]));
    const basis: Zaak = { identificatie: HUIDIG.identificatie, toelichting: 'zoals de gebruiker het zag' };
    await r.updateZaak(CTX, HUIDIG.identificatie, { toelichting: 'aangepast' }, basis);
    expect(transport.calls.map((c) => c.call.operation)).toEqual([OPERATIONS.updateZaak]);
    expect(decodeUpdateZaakLk01(transport.calls[0]!.root).oud.toelichting).toBe('zoals de gebruiker het zag');
  });
});

describe('StufZaakRegister configuration', () => {
  it('refuses a backend of the document role', () => {
    const transport = new OpnemendeTransport(() => {
      throw new Error('not called');
    });
    expect(() => new StufZaakRegister(new StufClient({ role: 'document', dialect: 'zds-1.2', zender: KOP.zender, ontvanger: KOP.ontvanger, transport }))).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
