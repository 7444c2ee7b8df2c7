import { NoValue, type Value } from '../../domain/no-value';
import type { DocumentInhoud, DocumentMetInhoud } from '../../domain/document';
import { today, type StufDate } from '../../domain/stuf-date';
import type {
  Belanghebbende,
  Medewerker,
  NatuurlijkPersoon,
  Uitvoerende,
  UitvoerendeSleutel,
} from '../../domain/zaak';
import type {
  BelanghebbendeInvoer,
  DocumentInvoer,
  MedewerkerInvoer,
  PersoonInvoer,
  UitvoerendeInvoer,
  UitvoerendeSleutelInvoer,
} from '../invoer';
import type { InputCheck } from './input-check';
import { STUF_LIMITS as L } from './stuf-limits';

/** Upper bound for every list in one request; a plan with more persons is an input error, not a plan. */
export const MAX_LIJST = 100;

const ZAAK_ID = { max: L.zaakIdentificatie.max, min: L.zaakIdentificatie.min, pattern: /^\S+$/, patternReason: 'mag geen spaties bevatten' };

export function zaakIdentificatie(c: InputCheck, name: string, v: string | undefined): string | undefined {
  return c.text(name, v, ZAAK_ID, true);
}

export function persoon(c: InputCheck, name: string, p: PersoonInvoer): NatuurlijkPersoon {
  const bsn = c.bsn(`${name}.bsn`, p.bsn) ?? '';
  return {
    bsn,
    geslachtsnaam: c.text(`${name}.geslachtsnaam`, p.geslachtsnaam, { max: L.geslachtsnaam }, true),
    voorvoegselGeslachtsnaam: c.text(`${name}.voorvoegselGeslachtsnaam`, p.voorvoegselGeslachtsnaam, { max: L.voorvoegselGeslachtsnaam }),
    voorletters: c.text(`${name}.voorletters`, p.voorletters, { max: L.voorletters }),
    voornamen: c.text(`${name}.voornamen`, p.voornamen, { max: L.voornamen }),
    geboortedatum: c.date(`${name}.geboortedatum`, p.geboortedatum, true),
  };
}

/** RZS §6.3.3: a medewerker needs identificatie and achternaam. */
export function medewerker(c: InputCheck, name: string, m: MedewerkerInvoer): Medewerker {
  return {
    identificatie: c.text(`${name}.identificatie`, m.identificatie, { max: L.medewerkerIdentificatie }, true) ?? '',
    achternaam: c.text(`${name}.achternaam`, m.achternaam, { max: L.geslachtsnaam }, true),
    voorletters: c.text(`${name}.voorletters`, m.voorletters, { max: L.voorletters }),
  };
}

const omschrijving = (c: InputCheck, name: string, v: string | undefined) => c.text(`${name}.omschrijving`, v, { max: L.omschrijving });

export const belanghebbende = (c: InputCheck, name: string, b: BelanghebbendeInvoer): Belanghebbende => ({
  persoon: persoon(c, `${name}.persoon`, b.persoon),
  omschrijving: omschrijving(c, name, b.omschrijving),
});

const VESTIGINGSNUMMER = { max: L.vestigingsNummer, length: L.vestigingsNummer, pattern: /^\d+$/, patternReason: 'moet uit 12 cijfers bestaan' };

export function uitvoerende(c: InputCheck, name: string, u: UitvoerendeInvoer): Uitvoerende {
  const oms = omschrijving(c, name, u.omschrijving);
  if (u.medewerker && !u.vestiging) return { soort: 'medewerker', medewerker: medewerker(c, `${name}.medewerker`, u.medewerker), omschrijving: oms };
  if (u.vestiging && !u.medewerker) {
    return {
      soort: 'vestiging',
      vestiging: {
        vestigingsNummer: c.text(`${name}.vestiging.vestigingsNummer`, u.vestiging.vestigingsNummer, VESTIGINGSNUMMER, true) ?? '',
        handelsnaam: c.text(`${name}.vestiging.handelsnaam`, u.vestiging.handelsnaam, { max: L.handelsnaam }),
      },
      omschrijving: oms,
    };
  }
  c.fail(name, 'geef precies een van medewerker en vestiging');
  return { soort: 'medewerker', medewerker: { identificatie: '' } };
}

export function uitvoerendeSleutel(c: InputCheck, name: string, s: UitvoerendeSleutelInvoer): UitvoerendeSleutel {
  if (s.medewerkerIdentificatie !== undefined && s.vestigingsNummer === undefined) {
    return { soort: 'medewerker', identificatie: c.text(`${name}.medewerkerIdentificatie`, s.medewerkerIdentificatie, { max: L.medewerkerIdentificatie }, true) ?? '' };
  }
  if (s.vestigingsNummer !== undefined && s.medewerkerIdentificatie === undefined) {
    return { soort: 'vestiging', vestigingsNummer: c.text(`${name}.vestigingsNummer`, s.vestigingsNummer, VESTIGINGSNUMMER, true) ?? '' };
  }
  c.fail(name, 'geef precies een van medewerkerIdentificatie en vestigingsNummer');
  return { soort: 'medewerker', identificatie: '' };
}

/** Maps a list with indexed names (`clients.0.bsn`), after checking its size. */
export function lijst<I, O>(c: InputCheck, name: string, items: readonly I[] | undefined, map: (c: InputCheck, name: string, item: I) => O, min = 0): O[] {
  return c.list(name, items, MAX_LIJST, min).map((item, i) => map(c, `${name}.${i}`, item));
}

/** A date to set (value), to clear (null -> geenWaarde, StUF 03.01 §3.3.4) or to leave (undefined). */
export function datumWijziging(c: InputCheck, name: string, v: string | null | undefined): Value<StufDate> | undefined {
  if (v === null) return NoValue.of('geenWaarde');
  return c.date(name, v);
}

export function tekstWijziging(c: InputCheck, name: string, v: string | null | undefined, max: number): Value<string> | undefined {
  if (v === null) return NoValue.of('geenWaarde');
  return c.text(name, v, { max });
}

/** ZKN:VertrouwelijkAanduiding is an enumeration. */
const VERTROUWELIJKHEID = {
  max: 20,
  pattern: /^(ZEER GEHEIM|GEHEIM|CONFIDENTIEEL|VERTROUWELIJK|ZAAKVERTROUWELIJK|INTERN|BEPERKT OPENBAAR|OPENBAAR)$/,
  patternReason: 'is geen vertrouwelijkheidaanduiding van ZKN (bijv. VERTROUWELIJK)',
};

const TAAL = { max: 3, length: 3, pattern: /^[a-z]{3}$/, patternReason: 'moet een ISO 639-2/B taalcode zijn (bijv. nld)' };

/** StUF:Bestandsnaam (stuf0301mtom.xsd) is at most 255 characters; a name with a path is no file name. */
const BESTANDSNAAM = { min: 1, max: L.bestandsnaam, pattern: /^[^/\\]+$/, patternReason: 'mag geen / of \\ bevatten' };
/**
 * The content type becomes the ZKN:formaat when the file name has no extension (ZKN:Bestandsformaat max 85), and
 * the xmime:contentType of the inhoud: a media type (RFC 9110 §8.3.1, type "/" subtype, parameters in printable
 * ASCII), never whatever a multipart parser made of a header it could not read.
 */
const CONTENT_TYPE = {
  max: L.bestandsformaat,
  pattern: /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;[\x20-\x7e]*)?$/,
  patternReason: 'is geen mediatype (type/subtype, RFC 9110 §8.3.1)',
};

/**
 * StUF:BinaireInhoud: the file name is required, the content type is optional (xmime:contentType). The type
 * already requires the content; a caller outside TypeScript may still leave it out, and the check then fails.
 */
export function inhoud(c: InputCheck, name: string, i: DocumentInhoud): DocumentInhoud {
  if (!(i as DocumentInhoud | undefined)) {
    c.fail(name, 'is verplicht');
    return i;
  }
  c.text(`${name}.bestandsnaam`, i.bestandsnaam, BESTANDSNAAM, true);
  c.text(`${name}.contentType`, i.contentType, CONTENT_TYPE);
  return i;
}

export function document(c: InputCheck, name: string, d: DocumentInvoer): Omit<DocumentMetInhoud, 'identificatie'> {
  return {
    titel: c.text(`${name}.titel`, d.titel, { max: L.documentTitel }, true) ?? '',
    documenttype: c.text(`${name}.documenttype`, d.documenttype, { max: L.omschrijving }, true) ?? '',
    auteur: c.text(`${name}.auteur`, d.auteur, { max: L.geslachtsnaam }, true) ?? '',
    taal: c.text(`${name}.taal`, d.taal ?? 'nld', TAAL) ?? 'nld',
    beschrijving: c.text(`${name}.beschrijving`, d.beschrijving, { max: L.toelichting }),
    vertrouwelijkAanduiding: c.text(`${name}.vertrouwelijkAanduiding`, d.vertrouwelijkAanduiding, VERTROUWELIJKHEID),
    creatiedatum: c.date(`${name}.creatiedatum`, d.creatiedatum) ?? today(),
    inhoud: inhoud(c, `${name}.inhoud`, d.inhoud),
  };
}
