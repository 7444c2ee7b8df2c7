import type { ZaakDocument } from '../../src/core/domain/document';
import type { Belanghebbende as BelanghebbendeDomein, Betrokkene as BetrokkeneDomein, Medewerker as MedewerkerDomein, NatuurlijkPersoon, Status as StatusDomein, Uitvoerende as UitvoerendeDomein, Vestiging as VestigingDomein, Zaak } from '../../src/core/domain/zaak';
import { isNoValue } from '../../src/core/domain/no-value';
import { isOpen } from '../../src/core/domain/zaak-wijziging';
import { tijdstipIso } from '../../src/core/usecases/tijdstip';
import type { Belanghebbende, Client, Initiator, Medewerker, Uitvoerende } from '../../schema/types/persoon.type';
import type { ZaakSoort } from '../../schema/types/zaak.type';
import type { Document, Status } from '../../schema/types/zaakdetails.type';
import type { Betrokkene } from '../../schema/types/zaak-dossier.type';
import { datum, geenWaarde, tekst, zaaktypeView } from './waarde.view';
import { zaakDossierView, type ZaakDossierView } from './zaak-dossier.view';

export const persoonView = (p: NatuurlijkPersoon): Client => ({
  bsn: p.bsn,
  geslachtsnaam: tekst(p.geslachtsnaam),
  voorvoegselGeslachtsnaam: tekst(p.voorvoegselGeslachtsnaam),
  voorletters: tekst(p.voorletters),
  voornamen: tekst(p.voornamen),
  geboortedatum: datum(p.geboortedatum),
  geslachtsaanduiding: tekst(p.geslachtsaanduiding),
  adellijkeTitelPredikaat: tekst(p.adellijkeTitelPredikaat),
  geenWaarde: geenWaarde(p),
});

const belanghebbendeView = (b: BelanghebbendeDomein): Belanghebbende => ({ ...persoonView(b.persoon), omschrijving: b.omschrijving ?? null });

export const medewerkerView = (m: MedewerkerDomein): Medewerker => ({
  identificatie: m.identificatie ?? null,
  achternaam: tekst(m.achternaam),
  voorletters: tekst(m.voorletters),
  geenWaarde: geenWaarde(m),
});

const vestigingView = (v: VestigingDomein) => ({ vestigingsNummer: v.vestigingsNummer, handelsnaam: tekst(v.handelsnaam), geenWaarde: geenWaarde(v) });

const uitvoerendeView = (u: UitvoerendeDomein): Uitvoerende => ({
  medewerker: u.soort === 'medewerker' ? medewerkerView(u.medewerker) : null,
  vestiging: u.soort === 'vestiging' ? vestigingView(u.vestiging) : null,
  omschrijving: u.omschrijving ?? null,
});

const betrokkeneView = (b: BetrokkeneDomein): Betrokkene => ({
  medewerker: b.soort === 'medewerker' ? medewerkerView(b.medewerker) : null,
  persoon: b.soort === 'natuurlijkPersoon' ? persoonView(b.persoon) : null,
  vestiging: b.soort === 'vestiging' ? vestigingView(b.vestiging) : null,
  omschrijving: b.omschrijving ?? null,
});

export const statusView = (s: StatusDomein): Status => ({
  statustype: { code: s.statustype.code, omschrijving: s.statustype.omschrijving ?? null, volgnummer: s.statustype.volgnummer ?? null },
  datumStatusGezet: s.datumStatusGezet === undefined ? null : tijdstipIso(s.datumStatusGezet),
  toelichting: s.toelichting ?? null,
  indicatieLaatsteStatus: s.indicatieLaatsteStatus ?? null,
  gezetDoor: s.gezetDoor ? medewerkerView(s.gezetDoor) : null,
});

export const documentView = (d: ZaakDocument): Document => ({
  identificatie: d.identificatie,
  titel: tekst(d.titel),
  beschrijving: tekst(d.beschrijving),
  documenttype: tekst(d.documenttype),
  creatiedatum: datum(d.creatiedatum),
  ontvangstdatum: datum(d.ontvangstdatum),
  formaat: tekst(d.formaat),
  taal: tekst(d.taal),
  versie: tekst(d.versie),
  status: tekst(d.status),
  verzenddatum: datum(d.verzenddatum),
  vertrouwelijkAanduiding: tekst(d.vertrouwelijkAanduiding),
  auteur: tekst(d.auteur),
  link: tekst(d.link),
  bestandsnaam: tekst(d.bestandsnaam),
  contentType: tekst(d.contentType),
  geenWaarde: geenWaarde(d),
});

/**
 * A zaak as the GraphQL object types read it: plain fields mapped, the domain zaak kept in `bron` for the
 * field resolvers (nested plans, documents) that need more than is mapped here.
 */
export interface ZaakView extends ZaakDossierView {
  soort: ZaakSoort;
  bron: Zaak;
  identificatie: string;
  omschrijving: string | null;
  toelichting: string | null;
  zaaktype: { code: string | null; omschrijving: string | null } | null;
  startdatum: string | null;
  registratiedatum: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatum: string | null;
  einddatum: string | null;
  open: boolean;
  resultaat: { omschrijving: string; toelichting: string | null } | null;
  regisseur: Medewerker | null;
  initiator: Initiator | null;
  clients: Client[];
  belanghebbenden: Belanghebbende[];
  uitvoerenden: Uitvoerende[];
  geenWaarde: ReturnType<typeof geenWaarde>;
}

export function zaakView(z: Zaak, soort: ZaakSoort): ZaakView {
  const ini = z.initiator;
  return {
    soort,
    bron: z,
    identificatie: z.identificatie,
    omschrijving: tekst(z.omschrijving),
    toelichting: tekst(z.toelichting),
    zaaktype: zaaktypeView(z.zaaktype),
    startdatum: datum(z.startdatum),
    registratiedatum: datum(z.registratiedatum),
    einddatumGepland: datum(z.einddatumGepland),
    uiterlijkeEinddatum: datum(z.uiterlijkeEinddatum),
    einddatum: datum(z.einddatum),
    open: isOpen(z),
    resultaat: z.resultaat === undefined || isNoValue(z.resultaat) ? null : { omschrijving: z.resultaat.omschrijving, toelichting: z.resultaat.toelichting ?? null },
    regisseur: ini?.soort === 'medewerker' ? medewerkerView(ini.medewerker) : null,
    initiator: ini ? { medewerker: ini.soort === 'medewerker' ? medewerkerView(ini.medewerker) : null, client: ini.soort === 'natuurlijkPersoon' ? persoonView(ini.persoon) : null } : null,
    clients: (z.clients ?? []).map(persoonView),
    belanghebbenden: (z.belanghebbenden ?? []).map(belanghebbendeView),
    uitvoerenden: (z.uitvoerenden ?? []).map(uitvoerendeView),
    ...zaakDossierView(z, betrokkeneView),
    geenWaarde: geenWaarde(z),
  };
}
