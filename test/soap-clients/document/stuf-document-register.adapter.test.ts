import { StufClient } from '../../../soap-clients/stuf/stuf-client';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { collectBytes, type ZaakDocument } from '../../../src/core/domain/document';
import { FacadeError } from '../../../src/core/domain/errors';
import { systemContext } from '../../../src/core/domain/request-context';
import { decodeEdcLk01 } from '../../../soap-clients/document/edc-lk01.mapper';
import {
  decodeGeefLijstZaakdocumentenLv01,
  encodeGeefLijstZaakdocumentenLa01,
} from '../../../soap-clients/document/geef-lijst-zaakdocumenten.mapper';
import {
  decodeGeefZaakdocumentLezenLv01,
  encodeGeefZaakdocumentLezenLa01,
  inhoudStreamer,
} from '../../../soap-clients/document/geef-zaakdocument-lezen.mapper';
import { StufDocumentRegister } from '../../../soap-clients/document/stuf-document-register.adapter';
import { encodeBv02, encodeBv03 } from '../../../soap-clients/stuf/bevestiging.codec';
import { DIALECTS, type Dialect } from '../../../soap-clients/stuf/operations';
import type { SoapCall, SoapTransport, ZdsBackend } from '../../../soap-clients/transport/soap-transport';
import { decodeCancelCheckoutDi02 } from '../../../soap-clients/vrije-berichten/cancel-checkout.mapper';
import {
  decodeGeefZaakdocumentbewerkenDi02,
  encodeGeefZaakdocumentbewerkenDu02,
} from '../../../soap-clients/vrije-berichten/geef-zaakdocument-bewerken.mapper';
import {
  decodeGenereerIdentificatieDi02,
  encodeGenereerIdentificatieDu02,
} from '../../../soap-clients/vrije-berichten/genereer-identificatie.mapper';
import { decodeUpdateZaakdocumentDi02 } from '../../../soap-clients/vrije-berichten/update-zaakdocument.mapper';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import type { XmlElement } from '../../../soap-clients/xml/xml-writer';
import { expectValidStuf } from '../../support/stuf-validator';
import { chunks, nieuwDocument, ONTVANGER, stp, xmlOf, ZENDER } from './document-fixtures';

interface Opgeslagen {
  zaak: string;
  document: ZaakDocument;
  inhoud: Buffer;
  checkout?: string;
}

/**
 * A DMS in the test process, answering with the provider-side codecs: every request and answer crosses a
 * serialise/parse boundary as on the wire, and is kept for schema validation.
 */
class DmsDubbel implements SoapTransport {
  readonly docs = new Map<string, Opgeslagen>();
  readonly berichten: { name: string; xml: string }[] = [];
  private teller = 0;

  async send(call: SoapCall): Promise<XEl> {
    const xml = await xmlOf(call.body);
    this.berichten.push({ name: `${call.operation.name}-vraag`, xml: xml.length < 4_000_000 ? xml : '' });
    const inhouden: Promise<Buffer>[] = [];
    const vraag = parseXml(xml, { streamText: inhoudStreamer((_el, s) => inhouden.push(collectBytes(s))) });
    const antwoord = await this.verwerk(call.operation.name, vraag, inhouden);
    const antwoordXml = await xmlOf(antwoord);
    this.berichten.push({ name: `${call.operation.name}-antwoord`, xml: antwoordXml });
    return parseXml(antwoordXml, { streamText: call.streamText });
  }

  private async verwerk(op: string, vraag: XEl, inhouden: Promise<Buffer>[]): Promise<XmlElement> {
    const doc = (id: string) => {
      const d = this.docs.get(id);
      if (!d) throw FacadeError.notFound(id);
      return d;
    };
    switch (op) {
      case 'genereerDocumentIdentificatie':
        return encodeGenereerIdentificatieDu02(decodeGenereerIdentificatieDi02(vraag), `DOC-${++this.teller}`);
      case 'voegZaakdocumentToe':
      case 'maakZaakdocument': {
        const lk = decodeEdcLk01(op, vraag);
        this.docs.set(lk.document.identificatie, { zaak: lk.zaakIdentificatie, document: lk.document, inhoud: (await inhouden[0]) ?? Buffer.alloc(0) });
        return encodeBv03(lk.stuurgegevens);
      }
      case 'geefLijstZaakdocumenten': {
        const v = decodeGeefLijstZaakdocumentenLv01(vraag);
        const docs = [...this.docs.values()].filter((d) => d.zaak === v.zaakIdentificatie).map((d) => ({ document: d.document }));
        return encodeGeefLijstZaakdocumentenLa01(dialectVan(vraag), v, docs);
      }
      case 'geefZaakdocumentLezen': {
        const v = decodeGeefZaakdocumentLezenLv01(vraag);
        const d = doc(v.documentIdentificatie);
        return encodeGeefZaakdocumentLezenLa01(dialectVan(vraag), v, {
          document: d.document,
          zaakIdentificatie: d.zaak,
          inhoud: { bestandsnaam: d.document.bestandsnaam as string, contentType: d.document.contentType as string, body: chunks(d.inhoud) },
        });
      }
      case 'geefZaakdocumentbewerken': {
        const v = decodeGeefZaakdocumentbewerkenDi02(vraag);
        const d = doc(v.documentIdentificatie);
        d.checkout = `CO-${++this.teller}`;
        return encodeGeefZaakdocumentbewerkenDu02(v, { checkoutId: d.checkout, checkedOutBy: v.stuurgegevens.zender.gebruiker },
          { document: d.document, zaakIdentificatie: d.zaak, inhoud: { bestandsnaam: 'x', body: d.inhoud } });
      }
      case 'updateZaakdocument': {
        const u = decodeUpdateZaakdocumentDi02(vraag);
        const d = doc(u.nieuw.identificatie);
        // the lock and the oud/nieuw check a real DMS makes
        if (u.checkoutId !== d.checkout) throw new FacadeError('LOCKED', 'checkout');
        if (u.oud.titel !== undefined && u.oud.titel !== d.document.titel) throw new FacadeError('CONFLICT', 'oud');
        if (u.nieuw.titel !== undefined) d.document = { ...d.document, titel: u.nieuw.titel };
        if (u.nieuweInhoud) d.inhoud = (await inhouden[inhouden.length - 1])!;
        d.checkout = undefined;
        return encodeBv02();
      }
      case 'cancelCheckout': {
        const c = decodeCancelCheckoutDi02(vraag);
        if (doc(c.documentIdentificatie).checkout !== c.checkoutId) throw new FacadeError('LOCKED', 'checkout');
        doc(c.documentIdentificatie).checkout = undefined;
        return encodeBv02();
      }
      default:
        throw new Error(`onverwacht ${op}`);
    }
  }

  async close(): Promise<void> {}
}

const dialectVan = (root: XEl): Dialect => (root.uri.includes('zds0120') ? 'zds-1.2' : 'zds-1.1');
const backend = (dialect: Dialect, transport: SoapTransport, role: 'zaak' | 'document' = 'document'): ZdsBackend => ({
  role,
  dialect,
  zender: ZENDER,
  ontvanger: ONTVANGER,
  transport,
});

describe.each(DIALECTS)('StufDocumentRegister (%s)', (dialect) => {
  it('adds, lists, reads, checks out, updates and cancels documents through the StUF messages', async () => {
    const dms = new DmsDubbel();
    const register = new StufDocumentRegister(new StufClient(backend(dialect, dms)));
    const ctx = { ...systemContext('t'), gebruiker: 'mw.pietersen' };
    const inhoud = randomBytes(200 * 1024 + 2);

    const id = await register.genereerDocumentIdentificatie(ctx);
    expect(id).toBe('DOC-1');
    await register.voegZaakdocumentToe(ctx, 'ZAAK-1', nieuwDocument({
      identificatie: id,
      inhoud: { bestandsnaam: 'plan.pdf', contentType: 'application/pdf', body: chunks(inhoud) },
    }));
    await register.maakZaakdocument(ctx, 'ZAAK-1', nieuwDocument({ identificatie: 'DOC-LEEG', inhoud: undefined, formaat: 'odt', titel: 'Verslag' }));
    await register.voegZaakdocumentToe(ctx, 'ZAAK-2', nieuwDocument({ identificatie: 'DOC-ANDER' }));

    const lijst = await register.geefLijstZaakdocumenten(ctx, 'ZAAK-1');
    expect(lijst.map((d) => [d.identificatie, d.titel, d.formaat])).toEqual([[id, 'Gezinsplan familie De Vries', 'pdf'], ['DOC-LEEG', 'Verslag', 'odt']]);

    const gelezen = await register.leesDocument(ctx, id);
    expect(gelezen.document).toMatchObject({ identificatie: id, titel: 'Gezinsplan familie De Vries', vertrouwelijkAanduiding: 'VERTROUWELIJK' });
    expect(gelezen.inhoud).toMatchObject({ bestandsnaam: 'plan.pdf', contentType: 'application/pdf' });
    expect((await collectBytes(gelezen.inhoud.body)).equals(inhoud)).toBe(true);

    const checkout = await register.checkout(ctx, id);
    expect(checkout.checkoutId).toMatch(/^CO-/);
    expect(checkout.document.titel).toBe('Gezinsplan familie De Vries');
    const nieuweInhoud = Buffer.from('versie 2');
    await register.updateZaakdocument(ctx, id, checkout.checkoutId, {
      titel: 'Gezinsplan (herzien)',
      inhoud: { bestandsnaam: 'plan-v2.pdf', contentType: 'application/pdf', body: chunks(nieuweInhoud) },
    });
    const herzien = await register.leesDocument(ctx, id);
    expect(herzien.document.titel).toBe('Gezinsplan (herzien)');
    expect((await collectBytes(herzien.inhoud.body)).toString()).toBe('versie 2');

    const tweede = await register.checkout(ctx, id);
    await register.cancelCheckout(ctx, id, tweede.checkoutId);
    expect(dms.docs.get(id)?.checkout).toBeUndefined();

    // the user of the request is the zender's gebruiker of every message
    expect(dms.berichten.filter((b) => b.name.endsWith('-vraag') && b.xml).every((b) => b.xml.includes('<StUF:gebruiker>mw.pietersen</StUF:gebruiker>'))).toBe(true);
    await expectValidStuf(dms.berichten.filter((b) => b.xml));
  });

  it('a Du02 without checkout id, a wrong acknowledgement and an unknown document are typed errors', async () => {
    const dms = new DmsDubbel();
    const register = new StufDocumentRegister(new StufClient(backend(dialect, dms)));
    const ctx = systemContext('t');
    await expect(register.leesDocument(ctx, 'ONBEKEND')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const bv03InPlaatsVanBv02: SoapTransport = {
      send: async (call) => parseXml(await xmlOf(encodeBv03({ berichtcode: 'Di02', zender: ZENDER, ontvanger: ONTVANGER, tijdstipBericht: '', referentienummer: call.operation.name }))),
      close: async () => undefined,
    };
    await expect(new StufDocumentRegister(new StufClient(backend(dialect, bv03InPlaatsVanBv02))).cancelCheckout(ctx, 'D', 'C')).rejects.toMatchObject({ code: 'BACKEND_PROTOCOL' });
    const zonderCheckoutId: SoapTransport = {
      send: async () => stp('geefZaakdocumentbewerken', 'geefZaakdocumentbewerken_Du02_02.xml'),
      close: async () => undefined,
    };
    await expect(new StufDocumentRegister(new StufClient(backend(dialect, zonderCheckoutId))).checkout(ctx, '4000000005')).rejects.toMatchObject({ code: 'BACKEND_PROTOCOL' });
    expect(() => new StufDocumentRegister(new StufClient(backend(dialect, dms, 'zaak')))).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
