import { RZS_GEBEURTENISSEN, type NotificatieSignaal, type OverdrachtAntwoordBericht, type RzsGebeurtenis, type ZaakNotificatie } from '../../src/core/domain/notificatie';
import { FacadeError } from '../../src/core/domain/errors';
import { OVERDRACHT_ANTWOORDEN } from '../overdracht/overdragen-zaak.mapper';
import { leesSignaal, signaalElementen } from './signaal.codec';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { readValue, valueElement } from '../stuf/values.codec';
import { NoValue } from '../../src/core/domain/no-value';
import { NS } from '../xml/namespaces';
import { child, childrenOf, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';

/**
 * notificeerOverZaak_Di01 (RZS §6.9.2) and overdragenZaak_Du01 (RZS §6.8.4) as the regiesysteem receives them.
 * Three spellings reach it: the RZS 1.0 koppelvlak (namespace koppelvlak/rzs0310, children stuurgegevens/melding/
 * object), the copy in ZDS 1.1.02 (namespace sectormodel/rzs0310, children Stuurgegevens/Melding/object) and, for
 * the Du01, ZDS 1.2 (ZDS:overdragenZaak_Du01 with ZKN children). The message's own children are therefore found by
 * local name in any namespace and any case; the zaak fields are ZKN in all three. Empty, xsi:nil and StUF:noValue
 * elements count as absent (StUF 03.01 §3.3.4; real senders write `<ZKN:code/>` for "none").
 */

const kind = (root: XEl, local: string): XEl | undefined => root.children.find((c) => c.local.toLowerCase() === local);
const kinderen = (root: XEl, local: string): XEl[] => root.children.filter((c) => c.local.toLowerCase() === local);
const tekst = (e: XEl | undefined): string | undefined => {
  const v = readValue(e);
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const zkn = (e: XEl | undefined, ...pad: string[]): XEl | undefined => pad.reduce<XEl | undefined>((cur, l) => child(cur, NS.ZKN, l), e);

function vereist(waarde: string | undefined, wat: string): string {
  if (waarde === undefined) throw FacadeError.validation(`${wat} ontbreekt`);
  return waarde;
}

/** stuurgegevens of a Di01/Du01: berichtcode and functie are fixed (rzs0310_msg_stuf_rzsberichten.xsd). */
function leesStuurgegevens(root: XEl, berichtcode: 'Di01' | 'Du01', functie: string): Stuurgegevens & { referentienummer: string } {
  const sg = readStuurgegevens(root);
  if (sg.berichtcode !== berichtcode) throw FacadeError.validation(`stuurgegevens.berichtcode moet '${berichtcode}' zijn, niet '${sg.berichtcode}'`);
  if (sg.functie !== functie) throw FacadeError.validation(`stuurgegevens.functie moet '${functie}' zijn, niet '${sg.functie ?? ''}'`);
  if (!sg.zender.applicatie) throw FacadeError.validation('stuurgegevens.zender.applicatie ontbreekt');
  return { ...sg, referentienummer: vereist(sg.referentienummer?.trim() || undefined, 'stuurgegevens.referentienummer') };
}

const afzender = (s: Stuurgegevens['zender']) => ({ applicatie: s.applicatie, ...(s.organisatie ? { organisatie: s.organisatie } : {}) });
const meldingen = (root: XEl): string[] => kinderen(root, 'melding').map((m) => m.text.trim()).filter((m) => m !== '');

/** What every inbound message names: who sent it to whom, its identity, and the zaak it is about. */
const kop = (root: XEl, sg: Stuurgegevens & { referentienummer: string }, object: XEl | undefined): Pick<ZaakNotificatie, 'zender' | 'ontvanger' | 'referentienummer' | 'tijdstipBericht' | 'meldingen' | 'zaak'> => ({
  zender: afzender(sg.zender),
  ontvanger: afzender(sg.ontvanger),
  referentienummer: sg.referentienummer,
  tijdstipBericht: sg.tijdstipBericht,
  meldingen: meldingen(root),
  zaak: vereist(tekst(zkn(object, 'identificatie')), 'object.identificatie'),
});

function extraElement(object: XEl | undefined, naam: string): string | undefined {
  const e = childrenOf(child(object, NS.StUF, 'extraElementen'), NS.StUF, 'extraElement').find((x) => x.attrs.get('naam') === naam);
  return tekst(e);
}

/** The extraElement naming the originator (RZS §6.10.2 "Zendende applicatie"; the spec names no element, so we use the name of the example of §6.10). */
const ZENDENDE_APPLICATIE = 'zendendeApplicatie';

export function decodeNotificeerOverZaakDi01(root: XEl): ZaakNotificatie {
  const sg = leesStuurgegevens(root, 'Di01', 'notificeerOverZaak');
  const object = kind(root, 'object');
  const gebeurtenis = vereist(extraElement(object, 'gebeurtenis'), 'object.extraElementen gebeurtenis');
  if (!(RZS_GEBEURTENISSEN as readonly string[]).includes(gebeurtenis)) {
    throw FacadeError.validation(`onbekende gebeurtenis '${gebeurtenis.slice(0, 40)}' (RZS §6.9.2: ${RZS_GEBEURTENISSEN.join(', ')})`);
  }
  const zkt = zkn(object, 'isVan', 'gerelateerde');
  const stt = zkn(object, 'heeft', 'gerelateerde');
  const statuscode = tekst(zkn(stt, 'code'));
  const omschrijving = tekst(zkn(zkt, 'omschrijving'));
  const zendendeApplicatie = extraElement(object, ZENDENDE_APPLICATIE);
  const signaal = leesSignaal((naam) => extraElement(object, naam));
  return {
    soort: 'notificatie',
    ...kop(root, sg, object),
    gebeurtenis: gebeurtenis as RzsGebeurtenis,
    zaaktype: { code: vereist(tekst(zkn(zkt, 'code')), 'object.isVan.gerelateerde.code'), ...(omschrijving ? { omschrijving } : {}) },
    ...(statuscode ? { status: status(statuscode, tekst(zkn(stt, 'omschrijving')), tekst(zkn(object, 'heeft', 'datumStatusGezet'))) } : {}),
    ...(zendendeApplicatie ? { zendendeApplicatie } : {}),
    ...(signaal ? { signaal } : {}),
  };
}

const status = (code: string, omschrijving: string | undefined, datumStatusGezet: string | undefined): NonNullable<ZaakNotificatie['status']> => ({
  code,
  ...(omschrijving ? { omschrijving } : {}),
  ...(datumStatusGezet ? { datumStatusGezet } : {}),
});

export function decodeOverdragenZaakDu01(root: XEl): OverdrachtAntwoordBericht {
  const sg = leesStuurgegevens(root, 'Du01', 'overdragenZaak');
  const object = kind(root, 'object');
  const antwoord = vereist(tekst(zkn(object, 'antwoord')), 'object.antwoord');
  if (!(OVERDRACHT_ANTWOORDEN as readonly string[]).includes(antwoord)) {
    throw FacadeError.validation(`object.antwoord moet '${OVERDRACHT_ANTWOORDEN.join("' of '")}' zijn`);
  }
  return {
    soort: 'overdracht-antwoord',
    ...kop(root, sg, object),
    geaccepteerd: antwoord === OVERDRACHT_ANTWOORDEN[0],
    crossRefnummer: vereist(sg.crossRefnummer?.trim() || undefined, 'stuurgegevens.crossRefnummer'),
  };
}

/** What the embedded zaaksysteem's abonnementenbeheer notifies (RZS §6.9.2). */
export interface UitgaandeNotificatie {
  zaak: string;
  gebeurtenis: RzsGebeurtenis;
  zaaktype: { code: string; omschrijving: string };
  status?: { code: string; omschrijving: string; datumStatusGezet: string; volgnummer?: string };
  zendendeApplicatie?: string;
  signaal?: NotificatieSignaal;
}

/** notificeerOverZaak_Di01 in the RZS 1.0 koppelvlak spelling, `sg` with berichtcode Di01 and functie notificeerOverZaak. */
export function encodeNotificeerOverZaakDi01(sg: Stuurgegevens, n: UitgaandeNotificatie): XmlElement {
  return el('RZS:notificeerOverZaak_Di01', undefined, [stuurgegevensElement('RZS', { ...sg, entiteittype: undefined, crossRefnummer: undefined }), notificatieObject(n)]);
}

/** The object of a notificeerOverZaak_Di01, the same in its trigger initieerNotificeerOverZaak_Di01 (RZS §6.9.2, §6.10.2). */
export function notificatieObject(n: UitgaandeNotificatie): XmlElement {
  return el('RZS:object', { 'StUF:entiteittype': 'ZAK', 'StUF:functie': 'entiteit' }, [
    leaf('ZKN:identificatie', n.zaak),
    el('StUF:extraElementen', undefined, [
      leaf('StUF:extraElement', n.gebeurtenis, { naam: 'gebeurtenis' }),
      n.zendendeApplicatie !== undefined && leaf('StUF:extraElement', n.zendendeApplicatie, { naam: ZENDENDE_APPLICATIE }),
      ...(n.signaal ? signaalElementen(n.signaal) : []),
    ]),
    el('ZKN:isVan', { 'StUF:entiteittype': 'ZAKZKT' }, [
      el('ZKN:gerelateerde', { 'StUF:entiteittype': 'ZKT' }, [leaf('ZKN:omschrijving', n.zaaktype.omschrijving), leaf('ZKN:code', n.zaaktype.code)]),
    ]),
    n.status &&
      el('ZKN:heeft', { 'StUF:entiteittype': 'ZAKSTT' }, [
        el('ZKN:gerelateerde', { 'StUF:entiteittype': 'STT' }, [
          leaf('ZKN:zkt.code', n.zaaktype.code),
          leaf('ZKN:zkt.omschrijving', n.zaaktype.omschrijving),
          leaf('ZKN:volgnummer', n.status.volgnummer),
          leaf('ZKN:code', n.status.code),
          leaf('ZKN:omschrijving', n.status.omschrijving),
          // required by the schema (STT-rzs-kerngegevens); a zaaksysteem that keeps no ingangsdatum of its statustypen says so (StUF 03.01 §3.3.4)
          valueElement('ZKN:ingangsdatumObject', NoValue.of('waardeOnbekend')),
        ]),
        leaf('ZKN:datumStatusGezet', n.status.datumStatusGezet),
      ]),
  ]);
}
