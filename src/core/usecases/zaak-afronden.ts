import { FacadeError } from '../domain/errors';
import { valueOf } from '../domain/no-value';
import { today } from '../domain/stuf-date';
import { ZAAK_VELDEN, type Zaak, type ZaakVeld, type ZaakWijziging } from '../domain/zaak';
import { isOpen } from '../domain/zaak-wijziging';
import { VERSIE_VELDEN, vereisVersie } from '../domain/zaak-versie';
import type { SluitInvoer, StatusInvoer } from './invoer';
import { basisVan, leesTerug } from './lees-terug';
import type { Runtime } from './runtime';
import { parseTijdstip, tijdstip } from './tijdstip';
import { checked } from './validation/input-check';
import { medewerker, zaakIdentificatie } from './validation/plan-validatie';
import { STUF_LIMITS as L } from './validation/stuf-limits';

/**
 * RZS §6.14 actualiseerZaakstatus; the zaak is read back with its new status history. The statustype needs
 * code, omschrijving and volgnummer: ZDS identifies a statustype within its zaaktype by all three.
 */
export async function zetStatus(rt: Runtime, identificatie: string, invoer: StatusInvoer, velden: readonly ZaakVeld[] = ZAAK_VELDEN): Promise<Zaak> {
  const status = checked('Ongeldige status', (c) => {
    zaakIdentificatie(c, 'identificatie', identificatie);
    return {
      statustype: {
        code: c.text('statustypeCode', invoer.statustypeCode, { max: L.code }, true) ?? '',
        omschrijving: c.text('statustypeOmschrijving', invoer.statustypeOmschrijving, { max: L.omschrijving }, true),
        volgnummer: c.text('statustypeVolgnummer', invoer.statustypeVolgnummer, { max: L.statustypeVolgnummer, pattern: /^[1-9]\d*$/, patternReason: 'moet een positief geheel getal zijn' }, true),
      },
      toelichting: c.text('toelichting', invoer.toelichting, { max: L.toelichting }),
      gezetDoor: invoer.gezetDoor && medewerker(c, 'gezetDoor', invoer.gezetDoor),
    };
  });
  const datumStatusGezet = invoer.datumStatusGezet === undefined ? tijdstip(new Date()) : parseTijdstip('datumStatusGezet', invoer.datumStatusGezet);
  await rt.zaken.actualiseerZaakstatus(rt.ctx, identificatie, { ...status, datumStatusGezet });
  return leesTerug(rt, identificatie, velden);
}

/**
 * Closing a zaak: einddatum and resultaat in one updateZaak. A closed zaak cannot be closed again. Fresh read,
 * version check (`versies`) and update under the zaak's lock, as wijzigPlan (issue 12 §5).
 */
export async function sluitZaak(rt: Runtime, identificatie: string, invoer: SluitInvoer, velden: readonly ZaakVeld[] = ZAAK_VELDEN, versies?: readonly string[]): Promise<Zaak> {
  const wijziging = checked('Ongeldige afsluiting', (c): ZaakWijziging => {
    zaakIdentificatie(c, 'identificatie', identificatie);
    return {
      einddatum: c.date('einddatum', invoer.einddatum) ?? today(),
      resultaat: {
        omschrijving: c.text('resultaatOmschrijving', invoer.resultaatOmschrijving, { max: L.omschrijving }, true) ?? '',
        toelichting: c.text('resultaatToelichting', invoer.resultaatToelichting, { max: L.toelichting }),
      },
    };
  });
  return rt.sloten.onder(rt.ctx, identificatie, async () => {
    const basis = await basisVan(rt, identificatie, 'elke', versies ? VERSIE_VELDEN : ['startdatum', 'einddatum', 'resultaat']);
    vereisVersie(basis, versies);
    if (!isOpen(basis)) throw new FacadeError('CONFLICT', 'De zaak is al afgesloten');
    const start = valueOf(basis.startdatum)?.iso;
    if (start && (valueOf(wijziging.einddatum)?.iso ?? '') < start) throw FacadeError.validation('Ongeldige afsluiting', [{ name: 'einddatum', reason: 'ligt voor de startdatum' }]);
    await rt.zaken.updateZaak(rt.ctx, identificatie, wijziging, basis);
    return leesTerug(rt, identificatie, velden);
  });
}

/**
 * RZS §4.4/§6.8: hand a deelplan over to the backoffice application `ontvanger` (overdragenZaak_Di01). The
 * backoffice acknowledges now and accepts or refuses later (Du01); the deelplan is returned as it stands.
 */
export async function overdragenDeelplan(rt: Runtime, identificatie: string, ontvanger: string, velden: readonly ZaakVeld[] = ZAAK_VELDEN): Promise<Zaak> {
  checked('Ongeldige overdracht', (c) => {
    zaakIdentificatie(c, 'identificatie', identificatie);
    c.text('ontvanger', ontvanger, { max: L.applicatie }, true);
  });
  const basis = await basisVan(rt, identificatie, 'deelplan', []);
  // a deelplan always has a zaaktype code (planSoort); the OverdrachtVerzoek zaaktype needs an omschrijving
  const zaaktype = { code: basis.zaaktype!.code!, omschrijving: basis.zaaktype!.omschrijving ?? '' };
  await rt.overdracht.overdragenZaak(rt.ctx, { identificatie, zaaktype, ontvanger });
  return leesTerug(rt, identificatie, velden);
}
