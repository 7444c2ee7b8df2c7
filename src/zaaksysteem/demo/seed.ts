import { bytesOf } from '../../core/domain/document';
import type { DocumentInhoud, DocumentMetInhoud, NieuwDocument } from '../../core/domain/document';
import { systemContext } from '../../core/domain/request-context';
import { fullDate } from '../../core/domain/stuf-date';
import type { Betrokkene, Initiator, Medewerker, NieuweZaak, Uitvoerende, Zaaktype } from '../../core/domain/zaak';
import type { DocumentRegister } from '../../core/ports/document-register.port';
import type { ZaakRegister } from '../../core/ports/zaak-register.port';
import {
  DEFAULT_DEMO_ZAAKTYPEN,
  DEMO_BSN,
  DEMO_DOCUMENT,
  DEMO_PDF_BYTES,
  DEMO_STATUSTYPEN,
  DEMO_ZAAK,
  type DemoZaaktype,
} from './demo-data';
import { pdfLikeDocument } from './pdf-like';

export interface DemoOptions {
  /** zaaktype per kind of plan; defaults in DEFAULT_DEMO_ZAAKTYPEN ('GZP', 'LDP', 'WMO', 'JEUGD', 'SCHULD', 'PW') */
  zaaktypen?: Partial<Record<DemoZaaktype, Zaaktype>>;
}

export interface DemoRegisters {
  zaken: ZaakRegister;
  documenten: DocumentRegister;
}

export interface DemoResultaat {
  zaken: string[];
  documenten: string[];
}

const ctx = systemContext('demo-seed');
const regisseurMedewerker: Medewerker = { identificatie: 'REG-0001', achternaam: 'de Vries', voorletters: 'M.' };
const regisseur: Initiator = { soort: 'medewerker', medewerker: regisseurMedewerker, omschrijving: 'Regisseur' };
const wijkteam: Uitvoerende = {
  soort: 'medewerker',
  medewerker: { identificatie: 'WT-0017', achternaam: 'Bakker', voorletters: 'S.' },
  omschrijving: 'Wijkteammedewerker',
};
const teamleider: Betrokkene = {
  soort: 'medewerker',
  medewerker: { identificatie: 'TL-0003', achternaam: 'Mulder', voorletters: 'H.' },
  omschrijving: 'Teamleider wijkteam',
};
const jeugdzorg: Uitvoerende = {
  soort: 'vestiging',
  vestiging: { vestigingsNummer: '000012345678', handelsnaam: 'Jeugdzorg Noord' },
  omschrijving: 'Jeugdhulpaanbieder',
};

function zaak(identificatie: string, zaaktype: Zaaktype, omschrijving: string, over: Partial<NieuweZaak> = {}): NieuweZaak {
  return {
    identificatie,
    zaaktype,
    omschrijving,
    startdatum: fullDate('2026-01-12'),
    registratiedatum: fullDate('2026-01-12'),
    einddatumGepland: fullDate('2026-12-31'),
    initiator: regisseur,
    clients: [],
    belanghebbenden: [],
    uitvoerenden: [],
    gerelateerdeZaken: [],
    ...over,
  };
}

const document = (identificatie: string, titel: string, over: Partial<NieuwDocument> & { inhoud: DocumentInhoud }): DocumentMetInhoud => ({
  identificatie,
  documenttype: 'Plan',
  titel,
  creatiedatum: fullDate('2026-01-15'),
  taal: 'nld',
  auteur: 'M. de Vries',
  vertrouwelijkAanduiding: 'VERTROUWELIJK',
  ...over,
});

/**
 * Seeds the demo data through the zaaksysteem's own SOAP services (the same client adapters the facade uses),
 * never by writing rows: the demo data is also a first proof that the services work together.
 */
export async function seedDemo(r: DemoRegisters, options: DemoOptions = {}): Promise<DemoResultaat> {
  const zt = { ...DEFAULT_DEMO_ZAAKTYPEN, ...options.zaaktypen };
  const { zaken, documenten } = r;
  const jansen = { bsn: DEMO_BSN.annaJansen, geslachtsnaam: 'Jansen', voorletters: 'A.', voornamen: 'Anna', geslachtsaanduiding: 'V' };
  const bram = { bsn: DEMO_BSN.bramJansen, geslachtsnaam: 'Jansen', voorletters: 'B.', voornamen: 'Bram', geslachtsaanduiding: 'M' };
  const gezinsplan = { identificatie: DEMO_ZAAK.gezinsplanJansen, zaaktype: zt.gezinsplan };

  const plannen: NieuweZaak[] = [
    zaak(DEMO_ZAAK.gezinsplanJansen, zt.gezinsplan, 'Gezinsplan gezin Jansen', {
      toelichting: 'Moeder en zoon; schulden, opvoeding en dagbesteding',
      clients: [jansen, bram],
      belanghebbenden: [{ persoon: { bsn: DEMO_BSN.oma, geslachtsnaam: 'Jansen', voorletters: 'G.' }, omschrijving: 'Mantelzorger' }],
      uitvoerenden: [wijkteam, jeugdzorg],
      // how the backoffice of the social domain knows this plan, and who answers for it
      kenmerken: [{ kenmerk: 'SSD-2026-0117', bron: 'Suite Sociaal Domein' }],
      archiefnominatie: true,
      verantwoordelijken: [teamleider],
    }),
    zaak(DEMO_ZAAK.levensdomeinplanJansen, zt.levensdomeinplan, 'Levensdomeinplan financiën Anna Jansen', {
      clients: [jansen],
      gerelateerdeZaken: [gezinsplan],
    }),
    zaak(DEMO_ZAAK.deelplanWmoJansen, zt.wmo, 'Begeleiding dagbesteding', {
      // a deelplan may have the client himself as initiator (RZS §6.6.2)
      initiator: { soort: 'natuurlijkPersoon', persoon: jansen, omschrijving: 'Aanvrager' },
      clients: [jansen],
      uitvoerenden: [wijkteam],
      gerelateerdeZaken: [gezinsplan],
      archiefnominatie: false,
      datumVernietigingDossier: fullDate('2038-12-31'),
    }),
    zaak(DEMO_ZAAK.deelplanJeugdJansen, zt.jeugd, 'Ambulante jeugdhulp Bram', {
      clients: [bram],
      uitvoerenden: [jeugdzorg],
      gerelateerdeZaken: [gezinsplan],
    }),
    // the backoffice registers its own zaak, without knowing the gezinsplan
    zaak(DEMO_ZAAK.deelplanSchuldJansen, zt.schuld, 'Schuldhulpverlening Anna Jansen', {
      initiator: { soort: 'medewerker', medewerker: { identificatie: 'SHV-0003', achternaam: 'Smit' }, omschrijving: 'Schuldhulpverlener' },
      clients: [jansen],
    }),
    zaak(DEMO_ZAAK.gezinsplanElAmrani, zt.gezinsplan, 'Gezinsplan gezin El Amrani', {
      clients: [{ bsn: DEMO_BSN.moElAmrani, geslachtsnaam: 'El Amrani', voorletters: 'M.' }],
      belanghebbenden: [{ persoon: { bsn: DEMO_BSN.partnerElAmrani, geslachtsnaam: 'El Amrani', voorletters: 'F.' }, omschrijving: 'Partner' }],
      uitvoerenden: [wijkteam],
    }),
    zaak(DEMO_ZAAK.deelplanParticipatieElAmrani, zt.participatie, 'Re-integratietraject', {
      clients: [{ bsn: DEMO_BSN.moElAmrani, geslachtsnaam: 'El Amrani' }],
      gerelateerdeZaken: [{ identificatie: DEMO_ZAAK.gezinsplanElAmrani, zaaktype: zt.gezinsplan }],
    }),
    zaak(DEMO_ZAAK.gezinsplanPetersen, zt.gezinsplan, 'Gezinsplan Sanne Petersen', {
      clients: [{ bsn: DEMO_BSN.sannePetersen, geslachtsnaam: 'Petersen', voorletters: 'S.', geboortedatum: fullDate('1990-04-02') }],
    }),
  ];
  for (const plan of plannen) await zaken.creeerZaak(ctx, plan);

  // RZS §4.7: the regisseur links the backoffice's zaak to the gezinsplan afterwards
  await zaken.updateZaak(ctx, DEMO_ZAAK.deelplanSchuldJansen, { gerelateerdeZaken: { toevoegen: [gezinsplan] } });

  const status = (id: string, st: (typeof DEMO_STATUSTYPEN)[keyof typeof DEMO_STATUSTYPEN], datum: string) =>
    zaken.actualiseerZaakstatus(ctx, id, { statustype: st, datumStatusGezet: datum, gezetDoor: regisseurMedewerker });
  await status(DEMO_ZAAK.gezinsplanJansen, DEMO_STATUSTYPEN.intake, '20260112100000');
  await status(DEMO_ZAAK.gezinsplanJansen, DEMO_STATUSTYPEN.plan, '20260115143000');
  await status(DEMO_ZAAK.gezinsplanElAmrani, DEMO_STATUSTYPEN.intake, '20260113090000');
  await status(DEMO_ZAAK.deelplanWmoJansen, DEMO_STATUSTYPEN.uitvoering, '20260120110000');

  await documenten.voegZaakdocumentToe(ctx, DEMO_ZAAK.gezinsplanJansen, document(DEMO_DOCUMENT.gezinsplanPdf, 'Gezinsplan Jansen', {
    inhoud: { bestandsnaam: 'gezinsplan-jansen.pdf', contentType: 'application/pdf', body: pdfLikeDocument(DEMO_PDF_BYTES) },
  }));
  await documenten.voegZaakdocumentToe(ctx, DEMO_ZAAK.gezinsplanJansen, document(DEMO_DOCUMENT.verslagKeukentafel, 'Verslag keukentafelgesprek', {
    documenttype: 'Verslag',
    inhoud: {
      bestandsnaam: 'keukentafelgesprek.txt',
      contentType: 'text/plain',
      body: bytesOf(Buffer.from('Keukentafelgesprek 12 januari 2026 met Anna en Bram Jansen en oma.\nAfspraken: zie gezinsplan.\n')),
    },
  }));
  await documenten.voegZaakdocumentToe(ctx, DEMO_ZAAK.gezinsplanElAmrani, document(DEMO_DOCUMENT.gezinsplanElAmrani, 'Gezinsplan El Amrani', {
    inhoud: { bestandsnaam: 'gezinsplan-el-amrani.pdf', contentType: 'application/pdf', body: pdfLikeDocument(64 * 1024) },
  }));
  return { zaken: plannen.map((p) => p.identificatie), documenten: Object.values(DEMO_DOCUMENT) };
}
