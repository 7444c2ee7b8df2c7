import { huidigeStatus } from '../../src/core/domain/status-historie';
import type { Zaak, ZaakVeld } from '../../src/core/domain/zaak';
import { antwoordStuurgegevens, expectRoot, type EigenKenmerken } from '../stuf/bevestiging.codec';
import { stuurgegevensElement } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { childrenOf, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type QName, type XmlElement } from '../xml/xml-writer';
import { stripUndefined } from './zak-gerelateerden.mapper';
import { readZakObject, zaakVan, zakObjectElement, zakObjectVan, type ZakObject } from './zak.mapper';
import type { ZaakVraag } from './zakLv01.mapper';

const LIJST_VELDEN = ['clients', 'belanghebbenden', 'uitvoerenden', 'gerelateerdeZaken', 'statussen'] as const;

/**
 * Client side: the zaken of a zakLa01 (ZKN:zakLa01, ZDS:geefZaakdetails_ZakLa01, ZDS:geefZaakstatus_ZakLa01).
 * noValue/xsi:nil stay NoValue, absent stays undefined;
 * statuses come in history order (status-historie.ts). A list field that was asked for (`velden`) and has no
 * relations in the answer is an empty list: "asked, none there".
 */
export function readZakLa01(root: XEl, expected: readonly QName[], velden: readonly ZaakVeld[] = []): Zaak[] {
  expectRoot(root, expected);
  const objecten = childrenOf(path(root, [NS.ZKN, 'antwoord']), NS.ZKN, 'object');
  return objecten.map((o) => {
    const zaak = zaakVan(readZakObject(o));
    for (const v of LIJST_VELDEN) if (velden.includes(v)) zaak[v] ??= [];
    return zaak;
  });
}

/** StUF 03.01 §6.2: indicatorVervolgvraag true in an answer says more zaken meet the selection. */
export const meerTeVragen = (root: XEl): boolean => path(root, [NS.ZKN, 'parameters'], [NS.StUF, 'indicatorVervolgvraag'])?.text.trim() === 'true';

/** Only identificatie and the fields in `velden` (StUF 03.01 §5.3.3: the answer holds what the scope asks). */
export function beperkTotVelden(z: Zaak, velden: readonly ZaakVeld[]): Zaak {
  const uit: Zaak = { identificatie: z.identificatie };
  for (const v of velden) (uit as unknown as Record<string, unknown>)[v] = z[v];
  return stripUndefined(uit);
}

/**
 * Provider side: the La01 answer to `vraag` - stuurgegevens with zender/ontvanger swapped and crossRefnummer =
 * the question's referentienummer, only the scope's fields, at most maximumAantal zaken (indicatorVervolgvraag
 * says there are more). ZDS 1.2 geefZaakdetails_ZakLa01 holds at most one object; ZDS 1.2 geefZaakstatus_ZakLa01
 * requires a `heeft`, nil when the zaak has no status.
 */
export function encodeZakLa01(vraag: ZaakVraag, zaken: readonly Zaak[], eigen: EigenKenmerken = {}): XmlElement {
  const root = vraag.binding.response[0]!;
  const max = root === 'ZDS:geefZaakdetails_ZakLa01' ? 1 : (vraag.maximumAantal ?? Infinity);
  const statusAntwoord = root === 'ZDS:geefZaakstatus_ZakLa01';
  const objecten = zaken.slice(0, max).map((z) => {
    const beperkt = beperkTotVelden(z, vraag.velden);
    if (vraag.alleenLaatsteStatus && beperkt.statussen) {
      const huidig = huidigeStatus(beperkt.statussen);
      beperkt.statussen = huidig ? [huidig] : [];
    }
    const o: ZakObject = zakObjectVan(beperkt);
    if (statusAntwoord && !o.statussen?.length) o.statussen = [{}];
    return zakObjectElement(o, 'antwoord', z.zaaktype);
  });
  return el(root, undefined, [
    stuurgegevensElement('ZKN', antwoordStuurgegevens(vraag.stuurgegevens, 'La01', { entiteittype: 'ZAK' }, eigen)),
    el('ZKN:parameters', undefined, [leaf('StUF:indicatorVervolgvraag', String(zaken.length > max))]),
    objecten.length ? el('ZKN:antwoord', undefined, objecten) : undefined,
  ]);
}

