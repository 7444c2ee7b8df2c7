import type { DocumentMetInhoud } from '../domain/document';
import { today } from '../domain/stuf-date';
import { ZAAK_VELDEN, type Initiator, type NieuweZaak, type Zaak, type ZaakRelatie, type ZaakVeld, type Zaaktype } from '../domain/zaak';
import type { DeelplanInvoer, GezinsplanInvoer, LevensdomeinplanInvoer } from './invoer';
import { leesTerug, vereisPlan } from './lees-terug';
import type { Runtime } from './runtime';
import { InputCheck } from './validation/input-check';
import { belanghebbende, document, lijst, medewerker, persoon, uitvoerende, zaakIdentificatie } from './validation/plan-validatie';
import { STUF_LIMITS as L } from './validation/stuf-limits';

type ZonderIdentificatie = Omit<NieuweZaak, 'identificatie'>;

/** The parts every plan shares (RZS §6.3.2, §6.4.2, §6.6.2): clients 1..N, belanghebbenden, uitvoerenden. */
function planBasis(c: InputCheck, invoer: GezinsplanInvoer | DeelplanInvoer, zaaktype: Zaaktype, initiator: Initiator, relaties: ZaakRelatie[]) {
  const vandaag = today();
  const zaak: ZonderIdentificatie = {
    zaaktype,
    omschrijving: c.text('omschrijving', invoer.omschrijving, { max: L.omschrijving }, true) ?? '',
    toelichting: c.text('toelichting', invoer.toelichting, { max: L.toelichting }),
    startdatum: c.date('startdatum', invoer.startdatum) ?? vandaag,
    registratiedatum: vandaag,
    einddatumGepland: c.date('einddatumGepland', invoer.einddatumGepland),
    uiterlijkeEinddatum: c.date('uiterlijkeEinddatum', invoer.uiterlijkeEinddatum),
    initiator,
    clients: lijst(c, 'clients', invoer.clients, persoon, 1),
    belanghebbenden: lijst(c, 'belanghebbenden', invoer.belanghebbenden, belanghebbende),
    uitvoerenden: lijst(c, 'uitvoerenden', invoer.uitvoerenden, uitvoerende),
    gerelateerdeZaken: relaties,
  };
  const documenten = lijst(c, 'documenten', invoer.documenten, document);
  if (zaak.einddatumGepland && zaak.einddatumGepland.iso < zaak.startdatum.iso) c.fail('einddatumGepland', 'ligt voor de startdatum');
  return { zaak, documenten };
}

/**
 * RZS §4.1/§6.3 creation: genereerZaakIdentificatie, creeerZaak, then per initial document
 * genereerDocumentIdentificatie + voegZaakdocumentToe (§6.14), and the zaak read back as stored.
 */
async function maakAan(rt: Runtime, c: InputCheck, basis: ReturnType<typeof planBasis>, velden: readonly ZaakVeld[]): Promise<Zaak> {
  c.assertValid('Ongeldig plan');
  const identificatie = await rt.zaken.genereerZaakIdentificatie(rt.ctx);
  await rt.zaken.creeerZaak(rt.ctx, { identificatie, ...basis.zaak });
  for (const doc of basis.documenten) {
    const nieuw: DocumentMetInhoud = { identificatie: await rt.documenten.genereerDocumentIdentificatie(rt.ctx), ...doc };
    await rt.documenten.voegZaakdocumentToe(rt.ctx, identificatie, nieuw);
  }
  return leesTerug(rt, identificatie, velden);
}

const regisseur = (c: InputCheck, invoer: GezinsplanInvoer): Initiator => ({
  soort: 'medewerker',
  medewerker: medewerker(c, 'regisseur', invoer.regisseur),
});

export function createGezinsplan(rt: Runtime, invoer: GezinsplanInvoer, velden: readonly ZaakVeld[] = ZAAK_VELDEN): Promise<Zaak> {
  const c = new InputCheck();
  return maakAan(rt, c, planBasis(c, invoer, rt.config.zaaktypen.gezinsplan, regisseur(c, invoer), []), velden);
}

/** RZS §6.4.3: heeftBetrekkingOpAndere to exactly one gezinsplan, which must exist as a gezinsplan. */
export async function createLevensdomeinplan(rt: Runtime, invoer: LevensdomeinplanInvoer, velden: readonly ZaakVeld[] = ZAAK_VELDEN): Promise<Zaak> {
  const c = new InputCheck();
  const gezinsplan = zaakIdentificatie(c, 'gezinsplan', invoer.gezinsplan) ?? '';
  const relaties = [{ identificatie: gezinsplan, zaaktype: rt.config.zaaktypen.gezinsplan }];
  const basis = planBasis(c, invoer, rt.config.zaaktypen.levensdomeinplan, regisseur(c, invoer), relaties);
  c.assertValid('Ongeldig levensdomeinplan');
  await vereisPlan(rt, 'gezinsplan', gezinsplan, 'gezinsplan');
  return maakAan(rt, c, basis, velden);
}

/**
 * RZS §6.6: the deelplan's own zaaktype, initiated by a medewerker or by the client (§6.6.2), with
 * heeftBetrekkingOpAndere to its gezinsplan and, if used, its levensdomeinplan (1..2, §6.6.3).
 */
export async function createDeelplan(rt: Runtime, invoer: DeelplanInvoer, velden: readonly ZaakVeld[] = ZAAK_VELDEN): Promise<Zaak> {
  const c = new InputCheck();
  const zaaktype: Zaaktype = {
    code: c.text('zaaktype.code', invoer.zaaktype?.code, { max: L.code }, true) ?? '',
    omschrijving: c.text('zaaktype.omschrijving', invoer.zaaktype?.omschrijving, { max: L.omschrijving }, true) ?? '',
  };
  const { gezinsplan: gzp, levensdomeinplan: ldp } = rt.config.zaaktypen;
  if (zaaktype.code === gzp.code || zaaktype.code === ldp.code) c.fail('zaaktype.code', 'is de code van een gezinsplan of levensdomeinplan');
  let initiator: Initiator = { soort: 'medewerker', medewerker: { identificatie: '' } };
  const { medewerker: mdw, client } = invoer.initiator ?? {};
  if (mdw && !client) initiator = { soort: 'medewerker', medewerker: medewerker(c, 'initiator.medewerker', mdw) };
  else if (client && !mdw) initiator = { soort: 'natuurlijkPersoon', persoon: persoon(c, 'initiator.client', client) };
  else c.fail('initiator', 'geef precies een van medewerker en client');
  const gezinsplan = zaakIdentificatie(c, 'gezinsplan', invoer.gezinsplan) ?? '';
  const levensdomeinplan = invoer.levensdomeinplan === undefined ? undefined : zaakIdentificatie(c, 'levensdomeinplan', invoer.levensdomeinplan);
  const relaties: ZaakRelatie[] = [{ identificatie: gezinsplan, zaaktype: gzp }];
  if (levensdomeinplan) relaties.push({ identificatie: levensdomeinplan, zaaktype: ldp });
  const basis = planBasis(c, invoer, zaaktype, initiator, relaties);
  c.assertValid('Ongeldig deelplan');
  await vereisPlan(rt, 'gezinsplan', gezinsplan, 'gezinsplan');
  if (levensdomeinplan) await vereisPlan(rt, 'levensdomeinplan', levensdomeinplan, 'levensdomeinplan');
  return maakAan(rt, c, basis, velden);
}
