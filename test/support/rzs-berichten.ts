import { randomBytes, randomUUID } from 'node:crypto';
import { usernameTokenHeader } from '../../soap-clients/transport/ws-security';
import { toXml } from '../../soap-clients/xml/xml-writer';
import { parseXml } from '../../soap-clients/xml/xml-parser';

/** Inbound RZS messages as senders write them, for tests of the facade's inbound endpoint. */

export const RZS_NS = 'http://www.stufstandaarden.nl/koppelvlak/rzs0310';
export const RZS_1_1_02_NS = 'http://www.stufstandaarden.nl/sectormodel/rzs0310';
export const ACTIE_NOTIFICEER = 'http://www.egem.nl/StUF/sector/rzs/0310/notificeerOverZaak';
export const ACTIE_BEVESTIG = 'http://www.egem.nl/StUF/sector/rzs/0310/bevestigOverdragenZaak';
export const ACTIE_BEVESTIG_ZDS = 'http://www.stufstandaarden.nl/koppelvlak/zds0120/overdragenZaak_Du01';

export interface Stuur {
  zender?: { organisatie?: string; applicatie: string };
  ontvanger?: { organisatie?: string; applicatie: string };
  referentienummer?: string;
  berichtcode?: string;
  functie?: string;
  crossRefnummer?: string;
}

const sg = (s: Stuur, tag: string, standaard: { berichtcode: string; functie: string }) => {
  const z = s.zender ?? { organisatie: '1234', applicatie: 'ABONNEMENTENBEHEER' };
  const o = s.ontvanger ?? { organisatie: '9999', applicatie: 'REGIE' };
  const sys = (n: string, x: { organisatie?: string; applicatie: string }) =>
    `<StUF:${n}>${x.organisatie ? `<StUF:organisatie>${x.organisatie}</StUF:organisatie>` : ''}<StUF:applicatie>${x.applicatie}</StUF:applicatie></StUF:${n}>`;
  return `<${tag}><StUF:berichtcode>${s.berichtcode ?? standaard.berichtcode}</StUF:berichtcode>${sys('zender', z)}${sys('ontvanger', o)}` +
    `<StUF:referentienummer>${s.referentienummer ?? randomUUID()}</StUF:referentienummer><StUF:tijdstipBericht>20260101120000000</StUF:tijdstipBericht>` +
    `${s.crossRefnummer !== undefined ? `<StUF:crossRefnummer>${s.crossRefnummer}</StUF:crossRefnummer>` : ''}<StUF:functie>${s.functie ?? standaard.functie}</StUF:functie></${tag}>`;
};

export interface Notificatie extends Stuur {
  zaak?: string;
  gebeurtenis?: string;
  zaaktype?: { code?: string; omschrijving?: string };
  /** status element; `nil`: written as xsi:nil with StUF:noValue, as vendors send "no status" */
  status?: { code: string; omschrijving: string; datumStatusGezet: string } | 'nil';
  zendendeApplicatie?: string;
  /** ZDS 1.1.02's copy: another namespace and Stuurgegevens with a capital S */
  spelling?: 'rzs' | 'zds-1.1.02';
}

export function notificatieXml(n: Notificatie = {}): string {
  const ns = n.spelling === 'zds-1.1.02' ? RZS_1_1_02_NS : RZS_NS;
  const sgTag = n.spelling === 'zds-1.1.02' ? 'RZS:Stuurgegevens' : 'RZS:stuurgegevens';
  const zkt = n.zaaktype ?? { code: 'WMO', omschrijving: 'Maatwerkvoorziening Wmo' };
  const extra = n.zendendeApplicatie ? `<StUF:extraElement naam="zendendeApplicatie">${n.zendendeApplicatie}</StUF:extraElement>` : '';
  const status =
    n.status === 'nil'
      ? '<ZKN:heeft StUF:entiteittype="ZAKSTT" xsi:nil="true" StUF:noValue="geenWaarde"/>'
      : n.status
        ? `<ZKN:heeft StUF:entiteittype="ZAKSTT"><ZKN:gerelateerde StUF:entiteittype="STT"><ZKN:code>${n.status.code}</ZKN:code><ZKN:omschrijving>${n.status.omschrijving}</ZKN:omschrijving></ZKN:gerelateerde><ZKN:datumStatusGezet>${n.status.datumStatusGezet}</ZKN:datumStatusGezet></ZKN:heeft>`
        : '';
  return `<RZS:notificeerOverZaak_Di01 xmlns:RZS="${ns}" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    sg(n, sgTag, { berichtcode: 'Di01', functie: 'notificeerOverZaak' }) +
    `<RZS:object StUF:entiteittype="ZAK" StUF:functie="entiteit"><ZKN:identificatie>${n.zaak ?? '9999-WMO-0001'}</ZKN:identificatie>` +
    `<StUF:extraElementen><StUF:extraElement naam="gebeurtenis">${n.gebeurtenis ?? 'Creeer zaak'}</StUF:extraElement>${extra}</StUF:extraElementen>` +
    `<ZKN:isVan StUF:entiteittype="ZAKZKT"><ZKN:gerelateerde StUF:entiteittype="ZKT">` +
    `${zkt.omschrijving !== undefined ? `<ZKN:omschrijving>${zkt.omschrijving}</ZKN:omschrijving>` : ''}${zkt.code !== undefined ? `<ZKN:code>${zkt.code}</ZKN:code>` : ''}</ZKN:gerelateerde></ZKN:isVan>` +
    `${status}</RZS:object></RZS:notificeerOverZaak_Di01>`;
}

export interface Du01 extends Stuur {
  zaak?: string;
  antwoord?: string;
  melding?: string;
  spelling?: 'rzs' | 'zds-1.2';
}

export function overdrachtAntwoordXml(d: Du01 = {}): string {
  const zds = d.spelling === 'zds-1.2';
  const root = zds ? 'ZDS:overdragenZaak_Du01' : 'RZS:overdragenZaak_Du01';
  const p = zds ? 'ZKN' : 'RZS';
  const melding = d.melding ? `<${p}:melding>${d.melding}</${p}:melding>` : '';
  return `<${root} xmlns:RZS="${RZS_NS}" xmlns:ZDS="http://www.stufstandaarden.nl/koppelvlak/zds0120" xmlns:ZKN="http://www.egem.nl/StUF/sector/zkn/0310" xmlns:StUF="http://www.egem.nl/StUF/StUF0301">` +
    sg({ zender: { organisatie: '1234', applicatie: 'SCHULDHULP-BACKOFFICE' }, crossRefnummer: 'REGIE-0001', ...d }, `${p}:stuurgegevens`, { berichtcode: 'Du01', functie: 'overdragenZaak' }) +
    melding +
    `<${p}:object StUF:entiteittype="ZAK" StUF:functie="entiteit"><ZKN:identificatie>${d.zaak ?? '9999-SHV-0001'}</ZKN:identificatie><ZKN:antwoord>${d.antwoord ?? 'Overdracht geaccepteerd'}</ZKN:antwoord></${p}:object></${root}>`;
}

export interface Token {
  username: string;
  password: string;
  passwordType?: 'PasswordText' | 'PasswordDigest';
  now?: Date;
  nonce?: Buffer;
}

/** A SOAP 1.1 envelope (or 1.2, with the prefix another vendor's stack chooses) around `body`, with a UsernameToken when given. */
export function envelop(body: string, o: { token?: Token; soap12?: boolean } = {}): string {
  const header = o.token
    ? toXml(usernameTokenHeader({ username: o.token.username, password: o.token.password, passwordType: o.token.passwordType ?? 'PasswordDigest' }, o.token.now, o.token.nonce ?? randomBytes(16)))
    : '';
  const ns = o.soap12 ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
  const p = o.soap12 ? 'env' : 'soapenv';
  // the header's mustUnderstand is a SOAP 1.1 attribute as written; a 1.2 sender writes its own
  const h = o.soap12 ? header.replace(/soap11:mustUnderstand="1"/, 'env:mustUnderstand="true"').replace(/ xmlns:soap11="[^"]*"/, '') : header;
  return `<?xml version="1.0" encoding="UTF-8"?><${p}:Envelope xmlns:${p}="${ns}"><${p}:Header>${h}</${p}:Header><${p}:Body>${body}</${p}:Body></${p}:Envelope>`;
}

/** The first element of the answer's Body (or the Fault's StUF foutbericht), by local name, and its code. */
export function antwoord(xml: string): { root: string; code?: string } {
  const env = parseXml(xml);
  const body = env.children.find((c) => c.local === 'Body')!;
  const first = body.children[0]!;
  if (first.local !== 'Fault') return { root: first.local };
  const zoek = (e: typeof first, local: string): typeof first | undefined => e.local === local ? e : e.children.map((c) => zoek(c, local)).find(Boolean);
  return { root: zoek(first, 'Fo03Bericht') ? 'Fo03Bericht' : 'Fault', code: zoek(first, 'code')?.text };
}
