import { FacadeError } from '../../src/core/domain/errors';
import type { OverdrachtVerzoek } from '../../src/core/ports/zaak-register.port';
import { antwoordStuurgegevens, expectRoot, isRoot, type EigenKenmerken } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, stuurgegevensElement, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type QName, type XmlElement } from '../xml/xml-writer';

/**
 * overdragenZaak: the regiesysteem hands the behandeling of a zaak (a deelplan) over to a backoffice, which
 * acknowledges with Bv03 and later answers asynchronously with overdragenZaak_Du01 "Overdracht geaccepteerd" or
 * "Overdracht geweigerd".
 * - ZDS 1.2 (§4.2.1): ZDS:overdragenZaak_Di01 / _Du01, children ZKN-qualified.
 * - ZDS 1.1 has no such message: a RZS 1.0 regiesysteem sends RZS:overdragenZaak_Di01 (RZS §6.8.2, namespace
 *   koppelvlak/rzs0310, children RZS:stuurgegevens/melding/object) and receives RZS:overdragenZaak_Du01 (§6.8.4).
 * Both: object (StUF:functie="entiteit") with identificatie and isVan.gerelateerde omschrijving + code
 * (mandatory in both); stuurgegevens with functie overdragenZaak and no entiteittype.
 */
const OP = OPERATIONS.overdragenZaak;
const DU01: Record<Dialect, QName> = { 'zds-1.1': 'RZS:overdragenZaak_Du01', 'zds-1.2': 'ZDS:overdragenZaak_Du01' };
export const OVERDRACHT_ANTWOORDEN = ['Overdracht geaccepteerd', 'Overdracht geweigerd'] as const;

const prefix = (dialect: Dialect): 'ZKN' | 'RZS' => (dialect === 'zds-1.1' ? 'RZS' : 'ZKN');
const dialectVan = (root: XEl): Dialect => (root.uri === NS.RZS ? 'zds-1.1' : 'zds-1.2');

const meldingen = (p: 'ZKN' | 'RZS', tekst: readonly string[]) => tekst.map((m) => leaf(`${p}:melding`, m));
const readMeldingen = (root: XEl, ns: string): string[] =>
  root.children.filter((c) => c.uri === ns && c.local === 'melding').map((c) => c.text);

export function buildOverdragenZaakDi01(
  dialect: Dialect,
  verzoek: OverdrachtVerzoek,
  melding: readonly string[] = [],
): StufBericht {
  const p = prefix(dialect);
  return stufBericht(OP, dialect, [
    ...meldingen(p, melding),
    el(`${p}:object`, { 'StUF:entiteittype': 'ZAK', 'StUF:functie': 'entiteit' }, [
      leaf('ZKN:identificatie', verzoek.identificatie),
      el('ZKN:isVan', { 'StUF:entiteittype': 'ZAKZKT' }, [
        el('ZKN:gerelateerde', { 'StUF:entiteittype': 'ZKT' }, [
          leaf('ZKN:omschrijving', verzoek.zaaktype.omschrijving),
          leaf('ZKN:code', verzoek.zaaktype.code),
        ]),
      ]),
    ]),
  ]);
}

export interface OntvangenOverdracht {
  dialect: Dialect;
  stuurgegevens: Stuurgegevens;
  meldingen: string[];
  verzoek: OverdrachtVerzoek;
}

/** Provider (backoffice) side: the zaak and zaaktype handed over. */
export function decodeOverdragenZaakDi01(root: XEl): OntvangenOverdracht {
  expectRoot(root, [OP.bindings['zds-1.1'].request, OP.bindings['zds-1.2'].request]);
  const dialect = dialectVan(root);
  const ns = NS[prefix(dialect)];
  const object = child(root, ns, 'object');
  const zkt = path(object, [NS.ZKN, 'isVan'], [NS.ZKN, 'gerelateerde']);
  const identificatie = child(object, NS.ZKN, 'identificatie')?.text.trim();
  const code = child(zkt, NS.ZKN, 'code')?.text.trim();
  const omschrijving = child(zkt, NS.ZKN, 'omschrijving')?.text.trim();
  if (!identificatie || !code || !omschrijving) {
    throw FacadeError.validation('overdragenZaak_Di01 vraagt object.identificatie en isVan.gerelateerde code en omschrijving');
  }
  const stuurgegevens = readStuurgegevens(root);
  return {
    dialect,
    stuurgegevens,
    meldingen: readMeldingen(root, ns),
    verzoek: { identificatie, zaaktype: { code, omschrijving }, ontvanger: stuurgegevens.ontvanger.applicatie },
  };
}

export interface OverdrachtAntwoord {
  identificatie: string;
  geaccepteerd: boolean;
  /** referentienummer of the overdragenZaak_Di01 this answers */
  crossRefnummer?: string;
  meldingen: string[];
}

/**
 * The backoffice's functional answer, sent later as a message of its own (answered with Bv03): zender and
 * ontvanger swapped, crossRefnummer = the Di01's referentienummer (Du01-Stuurgegevens-oz, RZS §6.8.4).
 */
export function encodeOverdragenZaakDu01(
  vraag: OntvangenOverdracht,
  geaccepteerd: boolean,
  melding: readonly string[] = [],
  eigen?: EigenKenmerken,
): XmlElement {
  const p = prefix(vraag.dialect);
  const sg = antwoordStuurgegevens(vraag.stuurgegevens, 'Du01', { functie: 'overdragenZaak' }, eigen);
  return el(DU01[vraag.dialect], undefined, [
    stuurgegevensElement(p, sg),
    ...meldingen(p, melding),
    el(`${p}:object`, { 'StUF:entiteittype': 'ZAK', 'StUF:functie': 'entiteit' }, [
      leaf('ZKN:identificatie', vraag.verzoek.identificatie),
      leaf('ZKN:antwoord', geaccepteerd ? OVERDRACHT_ANTWOORDEN[0] : OVERDRACHT_ANTWOORDEN[1]),
    ]),
  ]);
}

/** Regiesysteem side: reads an overdragenZaak_Du01 (ZDS 1.2 or RZS). */
export function readOverdragenZaakDu01(root: XEl): OverdrachtAntwoord {
  const dialect: Dialect = isRoot(root, DU01['zds-1.1']) ? 'zds-1.1' : 'zds-1.2';
  expectRoot(root, [DU01['zds-1.1'], DU01['zds-1.2']]);
  const ns = NS[prefix(dialect)];
  const object = child(root, ns, 'object');
  const identificatie = child(object, NS.ZKN, 'identificatie')?.text.trim();
  const antwoord = child(object, NS.ZKN, 'antwoord')?.text.trim();
  if (!identificatie || !(OVERDRACHT_ANTWOORDEN as readonly (string | undefined)[]).includes(antwoord)) {
    throw new FacadeError('BACKEND_PROTOCOL', 'Ongeldig antwoord op overdragenZaak', { internal: `antwoord '${antwoord}'` });
  }
  const crossRefnummer = readStuurgegevens(root).crossRefnummer;
  return {
    identificatie,
    geaccepteerd: antwoord === OVERDRACHT_ANTWOORDEN[0],
    ...(crossRefnummer ? { crossRefnummer } : {}),
    meldingen: readMeldingen(root, ns),
  };
}
