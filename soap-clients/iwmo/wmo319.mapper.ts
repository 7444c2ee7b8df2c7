import { WJ760_VAN, type VerzoekAntwoord } from '../../src/core/domain/voorziening';
import type { IwmoKop } from '../../src/core/ports/iwmo-berichten.port';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import { header, onschrijfbaar, tekstVan } from './iwmo-header';

/**
 * WMO319 (antwoord op een verzoek om toewijzing), in the order of WMO319.xsd: the verzoek's ReferentieAanbieder,
 * the WJ760 answer and, with a refusal only, the WJ759 reason. Antwoord has no Commentaar: the toelichting stays
 * in the JSON antwoord document beside it. The kop's client is not part of this message.
 */
export function buildWmo319(antwoord: VerzoekAntwoord, kop: IwmoKop & { verzoekReferentie: string }): XmlElement {
  const afgewezen = antwoord.besluit === 'afgewezen';
  if (afgewezen !== (antwoord.redenAfwijzing !== undefined)) throw onschrijfbaar('een reden afwijzing hoort bij een afwijzing, en alleen daarbij');
  return el('wmo319:Bericht', undefined, [
    header('wmo319', kop),
    el('wmo319:Antwoord', undefined, [
      // LDT_Referentie: 1..36 characters
      leaf('wmo319:ReferentieAanbieder', tekstVan(kop.verzoekReferentie, 36, 'verzoekReferentie')),
      leaf('wmo319:VerzoekAntwoord', WJ760_VAN[antwoord.besluit]),
      leaf('wmo319:RedenAfwijzingVerzoek', antwoord.redenAfwijzing),
    ]),
  ]);
}
