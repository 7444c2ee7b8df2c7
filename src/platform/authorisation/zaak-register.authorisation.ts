import type { Rechten } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import type { Zaak, ZaakVeld } from '../../core/domain/zaak';
import type { ZaakOverdracht, ZaakRegister } from '../../core/ports/zaak-register.port';
import { kennisVan } from './verzoek-kennis';
import { vereisZaak } from './zaak-toegang';
import { zaaktypeToegestaan } from '../../core/domain/identiteit';
import { alsGevraagd, alsVerborgen, beperktOpZaaktype, metZaaktype, nietToegestaan, rechtenVan, zaakZichtbaar, zonderVerborgenRelaties, verborgen } from './zichtbaarheid';

/** What a restricted caller gets of a zaak it may see: without hidden relations, with only the velden it asked for. */
function getoond(rechten: Rechten, zaak: Zaak, velden: readonly ZaakVeld[]): Zaak {
  return alsGevraagd(zonderVerborgenRelaties(rechten, zaak), velden);
}

/** Every zaak of an answer tells its zaaktype for the rest of the request (verzoek-kennis.ts). */
const onthoud = (ctx: RequestContext, zaken: readonly Zaak[]) => zaken.forEach((z) => kennisVan(ctx).zaaktypeGelezen(z.identificatie, z.zaaktype?.code));

/**
 * The ZaakRegister as a caller limited to some zaaktypen sees it: a zaak of another zaaktype does not exist
 * (NOT_FOUND, as an absent one), is not found by a search, does not appear as a relation, and cannot be read
 * about or changed; creating one is FORBIDDEN. To decide, the zaaktype is added to the StUF scope of a read and
 * taken out of the answer again when the caller did not ask for it. A caller allowed every zaaktype gets the
 * register unchanged: the same StUF calls with the same scopes.
 */
export function zakenMetRechten(zaken: ZaakRegister): ZaakRegister {
  return {
    async genereerZaakIdentificatie(ctx, referentie) {
      rechtenVan(ctx);
      return zaken.genereerZaakIdentificatie(ctx, referentie);
    },

    async creeerZaak(ctx, zaak) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.creeerZaak(ctx, zaak);
      if (!zaaktypeToegestaan(rechten, zaak.zaaktype.code)) throw nietToegestaan('zaaktype');
      // a relation to a zaak the caller may not see is a relation to a zaak that does not exist for it
      for (const r of zaak.gerelateerdeZaken) await vereisZaak(zaken, ctx, rechten, r.identificatie);
      await alsVerborgen('zaak', zaken.creeerZaak(ctx, zaak));
      kennisVan(ctx).zaaktypeGelezen(zaak.identificatie, zaak.zaaktype.code);
    },

    async geefZaak(ctx, identificatie, velden) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.geefZaak(ctx, identificatie, velden);
      const zaak = await alsVerborgen('zaak', zaken.geefZaak(ctx, identificatie, metZaaktype(velden)));
      onthoud(ctx, [zaak]);
      if (!zaakZichtbaar(rechten, zaak)) throw verborgen('zaak');
      return getoond(rechten, zaak, velden);
    },

    /**
     * The zaaksysteem cuts the answer at maximumAantal before the zaken of other zaaktypen are dropped here, so a
     * search without a zaaktypeCode may show fewer than maximumAantal while more visible zaken exist.
     */
    async zoekZaken(ctx, vraag, velden, maximumAantal) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.zoekZaken(ctx, vraag, velden, maximumAantal);
      if (vraag.zaaktypeCode !== undefined && !zaaktypeToegestaan(rechten, vraag.zaaktypeCode)) return [];
      const gevonden = await zaken.zoekZaken(ctx, vraag, metZaaktype(velden), maximumAantal);
      onthoud(ctx, gevonden);
      return gevonden.filter((z) => zaakZichtbaar(rechten, z)).map((z) => getoond(rechten, z, velden));
    },

    async zoekZakenPagina(ctx, vraag, velden, maximumAantal, na) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.zoekZakenPagina(ctx, vraag, velden, maximumAantal, na);
      if (vraag.zaaktypeCode !== undefined && !zaaktypeToegestaan(rechten, vraag.zaaktypeCode)) return { zaken: [] };
      const pagina = await zaken.zoekZakenPagina(ctx, vraag, metZaaktype(velden), maximumAantal, na);
      onthoud(ctx, pagina.zaken);
      // `volgende` stays the zaaksysteem's: the next page starts after the last zaak it sent, shown or not
      return { ...pagina, zaken: pagina.zaken.filter((z) => zaakZichtbaar(rechten, z)).map((z) => getoond(rechten, z, velden)) };
    },

    async geefStatussen(ctx, identificatie) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.geefStatussen(ctx, identificatie);
      await vereisZaak(zaken, ctx, rechten, identificatie);
      return alsVerborgen('zaak', zaken.geefStatussen(ctx, identificatie));
    },

    async actualiseerZaakstatus(ctx, identificatie, status) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.actualiseerZaakstatus(ctx, identificatie, status);
      await vereisZaak(zaken, ctx, rechten, identificatie);
      return alsVerborgen('zaak', zaken.actualiseerZaakstatus(ctx, identificatie, status));
    },

    async updateZaak(ctx, identificatie, wijziging, basis) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return zaken.updateZaak(ctx, identificatie, wijziging, basis);
      await vereisZaak(zaken, ctx, rechten, identificatie);
      for (const r of wijziging.gerelateerdeZaken?.toevoegen ?? []) await vereisZaak(zaken, ctx, rechten, r.identificatie);
      return alsVerborgen('zaak', zaken.updateZaak(ctx, identificatie, wijziging, basis));
    },
  };
}

/** overdragenZaak only of a zaak the caller may see (its zaaktype is checked, not the one the verzoek names). */
export function overdrachtMetRechten(overdracht: ZaakOverdracht, zaken: ZaakRegister): ZaakOverdracht {
  return {
    async overdragenZaak(ctx, verzoek) {
      const rechten = rechtenVan(ctx);
      if (!beperktOpZaaktype(rechten)) return overdracht.overdragenZaak(ctx, verzoek);
      await vereisZaak(zaken, ctx, rechten, verzoek.identificatie);
      return alsVerborgen('zaak', overdracht.overdragenZaak(ctx, verzoek));
    },
  };
}
