import { isNoValue, type Value } from '../../src/core/domain/no-value';
import type { Besluit as BesluitDomein, Betrokkene as BetrokkeneDomein, Zaak, ZaakRelatie } from '../../src/core/domain/zaak';
import type { Besluit, Betrokkene, Kenmerk, Opschorting, Verlenging, ZaakVerwijzing } from '../../schema/types/zaak-dossier.type';
import { datum, geenWaarde, tekst, zaaktypeView } from './waarde.view';

/** The dossier fields and extra relations of a zaak as the GraphQL Zaak types read them. */
export interface ZaakDossierView {
  kenmerken: Kenmerk[];
  opschorting: Opschorting | null;
  verlenging: Verlenging | null;
  archiefnominatie: boolean | null;
  datumVernietigingDossier: string | null;
  zaakniveau: number | null;
  deelzakenIndicatie: boolean | null;
  verantwoordelijken: Betrokkene[];
  overigeBetrokkenen: Betrokkene[];
  deelzaken: ZaakVerwijzing[];
  hoofdzaken: ZaakVerwijzing[];
  besluiten: Besluit[];
}

const waarde = <T>(v: Value<T> | undefined): T | null => (v === undefined || isNoValue(v) ? null : v);

const verwijzingView = (r: ZaakRelatie): ZaakVerwijzing => ({ identificatie: r.identificatie, zaaktype: zaaktypeView(r.zaaktype) });

const besluitView = (b: BesluitDomein): Besluit => ({
  identificatie: b.identificatie,
  besluittypeOmschrijving: tekst(b.besluittypeOmschrijving),
  datumBeslissing: datum(b.datumBeslissing),
  toelichting: tekst(b.toelichting),
  ingangsdatumWerking: datum(b.ingangsdatumWerking),
  einddatumWerking: datum(b.einddatumWerking),
  geenWaarde: geenWaarde(b),
});

/** `betrokkene` maps the kinds the views of the other betrokkenen already know (medewerker, person, vestiging). */
export function zaakDossierView(z: Zaak, betrokkene: (b: BetrokkeneDomein) => Betrokkene): ZaakDossierView {
  const opschorting = waarde(z.opschorting);
  const verlenging = waarde(z.verlenging);
  return {
    kenmerken: (z.kenmerken ?? []).map((k) => ({ kenmerk: tekst(k.kenmerk), bron: tekst(k.bron), geenWaarde: geenWaarde(k) })),
    opschorting: opschorting && { indicatie: waarde(opschorting.indicatie), reden: tekst(opschorting.reden), geenWaarde: geenWaarde(opschorting) },
    verlenging: verlenging && { duur: waarde(verlenging.duur), reden: tekst(verlenging.reden), geenWaarde: geenWaarde(verlenging) },
    archiefnominatie: waarde(z.archiefnominatie),
    datumVernietigingDossier: datum(z.datumVernietigingDossier),
    zaakniveau: waarde(z.zaakniveau),
    deelzakenIndicatie: waarde(z.deelzakenIndicatie),
    verantwoordelijken: (z.verantwoordelijken ?? []).map(betrokkene),
    overigeBetrokkenen: (z.overigeBetrokkenen ?? []).map(betrokkene),
    deelzaken: (z.deelzaken ?? []).map(verwijzingView),
    hoofdzaken: (z.hoofdzaken ?? []).map(verwijzingView),
    besluiten: (z.besluiten ?? []).map(besluitView),
  };
}
