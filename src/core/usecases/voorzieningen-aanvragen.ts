import { createHash } from 'node:crypto';
import { bytesOf, type DocumentMetInhoud } from '../domain/document';
import { FacadeError } from '../domain/errors';
import { omschrijvingVan } from '../domain/iwmo/codelijsten';
import { valueOf } from '../domain/no-value';
import { today } from '../domain/stuf-date';
import { toevoegenToegestaan, zaaktypeToegestaan } from '../domain/identiteit';
import { STANDAARD_VERTROUWELIJKHEID } from '../domain/vertrouwelijkheid';
import type { ProductAanvraag, VoorzieningAanvraag } from '../domain/voorziening';
import { VOORZIENING_DOCUMENTTYPEN as T, aanvraagNaarJson, antwoordNaarJson, type AanvraagDocument } from '../domain/voorziening-document';
import type { VoorzieningStand } from '../domain/voorziening-stand';
import type { NatuurlijkPersoon, Zaaktype } from '../domain/zaak';
import type { Runtime } from './runtime';
import type { VoorzieningConfig } from './use-case-config';
import { InputCheck } from './validation/input-check';
import { checkVerzoekAntwoord, checkVoorzieningAanvraag } from './validation/voorziening-validatie';
import type { VerzoekAntwoordInvoer, VoorzieningAanvraagInvoer } from './voorziening-invoer';
import { iwmoVan, leesDeelplan, voorzieningConfig, voorzieningVan } from './voorzieningen-lezen';
import { plan } from './zaak-queries';

/** The zaken one request becomes: their zaaktype and the products (by index) each carries. */
interface Deel {
  zaaktype: Zaaktype;
  producten: { index: number; aanvraag: ProductAanvraag }[];
}

/**
 * Seed 004 "arrangementen": one beschikking for several products. The gemeente chooses one zaak for the whole
 * arrangement or one per product (each of its categorie's zaaktype); a single product is always one zaak.
 */
function indeling(c: InputCheck, config: VoorzieningConfig, aanvraag: VoorzieningAanvraag): Deel[] {
  const producten = aanvraag.producten.map((p, index) => ({ index, aanvraag: p }));
  const zaaktypeVan = (p: ProductAanvraag, index: number): Zaaktype => {
    const z = config.zaaktypen[p.product.categorie];
    if (!z) c.fail(`producten[${index}].product.categorie`, 'wordt door deze gemeente niet als voorziening aangevraagd');
    return z ?? config.arrangement.zaaktype;
  };
  const perProduct = producten.map((p) => ({ zaaktype: zaaktypeVan(p.aanvraag, p.index), producten: [p] }));
  if (producten.length > 1 && config.arrangement.zaken === 'een') return [{ zaaktype: config.arrangement.zaaktype, producten }];
  return perProduct;
}

/**
 * The authorisation of the ports refuses a zaak of a zaaktype the caller may not see and a document above its
 * vertrouwelijkheid, but only at the write: by then the deelplan's identificatie is reserved, or the zaak made.
 * Asked here first, so that a caller who may not make all of it makes none of it.
 */
function magAanvragen(rt: Runtime, delen: readonly Deel[]): void {
  const rechten = rt.ctx.identiteit?.rechten;
  if (!rechten) throw new FacadeError('UNAUTHENTICATED', 'Niet geauthenticeerd');
  if (delen.some((d) => !zaaktypeToegestaan(rechten, d.zaaktype.code))) throw new FacadeError('FORBIDDEN', 'Geen toestemming voor zaken van dit zaaktype');
  if (!toevoegenToegestaan(rechten, STANDAARD_VERTROUWELIJKHEID)) throw new FacadeError('FORBIDDEN', 'Geen toestemming voor documenten van deze vertrouwelijkheid');
}

/** iWmo LDT_IdentificatieBericht (1..12 characters): unique per message of ours, the same on every run of it. */
const berichtIdentificatie = (van: string): string => createHash('sha256').update(van).digest('hex').slice(0, 12).toUpperCase();

/** iWmo LDT_Nummer (0..999999999): the request's number for each product, the same on every run of this request. */
const toewijzingNummer = (zaak: string, index: number): number => createHash('sha256').update(`${zaak}/${index}`).digest().readUInt32BE(0) % 1_000_000_000;

function document(rt: Runtime, identificatie: string, documenttype: string, bestandsnaam: string, contentType: string, bytes: Buffer): DocumentMetInhoud {
  return {
    identificatie,
    documenttype,
    titel: documenttype,
    creatiedatum: today(),
    taal: 'nld',
    auteur: rt.ctx.identiteit?.applicatie ?? 'regie',
    vertrouwelijkAanduiding: STANDAARD_VERTROUWELIJKHEID,
    inhoud: { bestandsnaam, contentType, grootte: bytes.length, body: bytesOf(bytes) },
  };
}

async function voegToe(rt: Runtime, zaak: string, maak: (identificatie: string) => DocumentMetInhoud): Promise<void> {
  await rt.documenten.voegZaakdocumentToe(rt.ctx, zaak, maak(await rt.documenten.genereerDocumentIdentificatie(rt.ctx)));
}

/**
 * vraagVoorzieningAan (issue 15 §2). Everything is checked before anything is reserved: the codes, the gemeente's
 * zaaktypen, that the gezinsplan exists and the client is one of its clients. Then per zaak: the deelplan related
 * to the gezinsplan (RZS §6.6.3), the request as JSON and as iWmo-301-shaped XML zaakdocumenten (seed 003
 * "vormvrij"), and overdragenZaak_Di01 to the backoffice (RZS §6.8). Every write is a step of the journal.
 */
export async function vraagVoorzieningAan(rt: Runtime, invoer: VoorzieningAanvraagInvoer): Promise<VoorzieningStand> {
  const config = voorzieningConfig(rt);
  const c = new InputCheck();
  const aanvraag = checkVoorzieningAanvraag(c, invoer);
  const delen = c.ok ? indeling(c, config, aanvraag) : [];
  c.assertValid('Ongeldige voorzieningaanvraag');
  magAanvragen(rt, delen);
  const gezinsplan = await plan(rt, 'gezinsplan', aanvraag.gezinsplan, ['clients', 'initiator']);
  if (!gezinsplan) throw FacadeError.validation('Onbekend gezinsplan', [{ name: 'gezinsplan', reason: 'is geen bestaand gezinsplan' }]);
  const client = gezinsplan.clients?.find((p) => p.bsn === aanvraag.client.bsn);
  if (!client) throw FacadeError.validation('Ongeldige voorzieningaanvraag', [{ name: 'client.bsn', reason: 'is geen client van het gezinsplan' }]);
  // WMO301 requires the client's Naam and iWmo has no "unknown" for it: refused before anything is reserved
  if (valueOf(client.geslachtsnaam) === undefined) throw FacadeError.validation('Ongeldige voorzieningaanvraag', [{ name: 'client.bsn', reason: 'de client heeft in het zaaksysteem geen geslachtsnaam, die iWmo vereist' }]);
  const initiator = gezinsplan.initiator ?? { soort: 'medewerker', medewerker: { identificatie: rt.ctx.identiteit?.applicatie ?? '' } };

  const kop: Omit<VoorzieningAanvraag, 'producten'> = { gezinsplan: aanvraag.gezinsplan, client: aanvraag.client, ...(aanvraag.toelichting === undefined ? {} : { toelichting: aanvraag.toelichting }) };
  let arrangement: string | undefined;
  const deelplannen: string[] = [];
  for (const deel of delen) {
    const identificatie = await rt.zaken.genereerZaakIdentificatie(rt.ctx);
    // the first zaak's identificatie is the arrangement's shared reference: unique, and the same when the journal resumes
    if (delen.length > 1) arrangement ??= identificatie;
    await rt.zaken.creeerZaak(rt.ctx, {
      identificatie,
      zaaktype: deel.zaaktype,
      omschrijving: omschrijving(deel),
      toelichting: aanvraag.toelichting,
      startdatum: today(),
      registratiedatum: today(),
      initiator,
      clients: [client],
      belanghebbenden: [],
      uitvoerenden: [],
      gerelateerdeZaken: [{ identificatie: aanvraag.gezinsplan, zaaktype: rt.config.zaaktypen.gezinsplan }],
    });
    const doc: AanvraagDocument = { ...(arrangement ? { arrangement } : {}), producten: deel.producten, aanvraag: kop };
    await voegToe(rt, identificatie, (id) => document(rt, id, T.aanvraag, 'aanvraag-voorziening.json', 'application/json', Buffer.from(aanvraagNaarJson(doc))));
    const xml = iwmoVan(rt).aanvraag301({ ...kop, producten: deel.producten.map((p) => p.aanvraag) }, {
      gemeentecode: config.iwmo.gemeentecode,
      aanbieder: config.iwmo.aanbieder,
      berichtIdentificatie: berichtIdentificatie(identificatie),
      dagtekening: today(),
      toewijzingNummers: deel.producten.map((p) => toewijzingNummer(identificatie, p.index)),
      client: clientVoorIwmo(client),
    });
    await voegToe(rt, identificatie, (id) => document(rt, id, T.aanvraag, 'aanvraag-voorziening.xml', 'application/xml', xml));
    await rt.overdracht.overdragenZaak(rt.ctx, { identificatie, zaaktype: deel.zaaktype, ontvanger: config.backoffice });
    deelplannen.push(identificatie);
    rt.loaders.vergeet(identificatie);
  }
  return voorzieningVan(rt, deelplannen[0]!);
}

const omschrijving = (deel: Deel): string => {
  if (deel.producten.length > 1) return `Arrangement van ${deel.producten.length} voorzieningen`;
  const p = deel.producten[0]!.aanvraag;
  return `Voorziening ${p.leveringsvorm} ${omschrijvingVan('WMO020', p.product.categorie) ?? p.product.categorie}`.slice(0, 80);
};

/** Only what iWmo's Client needs of the person: no more personal data travels in the document than it must. */
const clientVoorIwmo = (p: NatuurlijkPersoon): NatuurlijkPersoon => ({
  bsn: p.bsn,
  ...(p.geslachtsnaam === undefined ? {} : { geslachtsnaam: p.geslachtsnaam }),
  ...(p.voorvoegselGeslachtsnaam === undefined ? {} : { voorvoegselGeslachtsnaam: p.voorvoegselGeslachtsnaam }),
  ...(p.voorletters === undefined ? {} : { voorletters: p.voorletters }),
  ...(p.geboortedatum === undefined ? {} : { geboortedatum: p.geboortedatum }),
  ...(p.geslachtsaanduiding === undefined ? {} : { geslachtsaanduiding: p.geslachtsaanduiding }),
});

/**
 * A regie user answers a backoffice's verzoek om toewijzing (issue 15 §3, iWmo WMO319-like): the answer travels as
 * a zaakdocument on the deelplan, JSON and WMO319-shaped XML, beside the verzoek it answers. Only a verzoek of
 * this deelplan, and only once.
 */
export async function beantwoordVerzoekOmToewijzing(rt: Runtime, deelplan: string, verzoek: string, invoer: VerzoekAntwoordInvoer): Promise<VoorzieningStand> {
  const config = voorzieningConfig(rt);
  const c = new InputCheck();
  const antwoord = checkVerzoekAntwoord(c, invoer);
  c.text('verzoek', verzoek, { max: 40 }, true);
  c.assertValid('Ongeldig antwoord op verzoek');
  const d = await leesDeelplan(rt, deelplan);
  if (!d) throw FacadeError.notFound('Geen voorziening met dit deelplan');
  const signaal = d.signalen.find((s) => s.document === verzoek && s.signaal.soort === 'verzoek-om-toewijzing');
  if (!signaal) throw FacadeError.validation('Ongeldig antwoord op verzoek', [{ name: 'verzoek', reason: 'is geen verzoek om toewijzing van dit deelplan' }]);
  if (signaal.antwoord) throw new FacadeError('CONFLICT', 'Dit verzoek is al beantwoord');
  const client = d.zaak.clients?.[0] ?? { bsn: d.aanvraag.aanvraag.client.bsn };
  await voegToe(rt, deelplan, (id) => document(rt, id, T.antwoord, 'antwoord-verzoek.json', 'application/json', Buffer.from(antwoordNaarJson({ verzoek, antwoord }))));
  const xml = iwmoVan(rt).antwoord319(antwoord, {
    gemeentecode: config.iwmo.gemeentecode,
    aanbieder: config.iwmo.aanbieder,
    berichtIdentificatie: berichtIdentificatie(`${deelplan}/${verzoek}`),
    dagtekening: today(),
    client: clientVoorIwmo(client),
    verzoekReferentie: verzoek,
  });
  await voegToe(rt, deelplan, (id) => document(rt, id, T.antwoord, 'antwoord-verzoek.xml', 'application/xml', xml));
  rt.loaders.vergeet(deelplan);
  return voorzieningVan(rt, deelplan);
}
