import { FacadeError } from '../../src/core/domain/errors';
import type { StufDate } from '../../src/core/domain/stuf-date';
import { characterLength } from '../../src/core/domain/xml-tekst';
import type { IwmoKop } from '../../src/core/ports/iwmo-berichten.port';
import { el, leaf, toXml, type XmlElement } from '../xml/xml-writer';

/** The two iWmo 3.2 messages the regie writes; the prefix is also the message's namespace (namespaces.ts). */
export type IwmoBericht = 'wmo301' | 'wmo319';

/** Header BerichtCode, fixed per message by its XSD (WMO301 414, WMO319 482). */
const BERICHTCODE: Record<IwmoBericht, string> = { wmo301: '414', wmo319: '482' };

/**
 * CDT_XsdVersie: copied from the xs:appinfo of the schemas the message is written to (invulinstructie IV034);
 * iWmo 3.2's Basisschema and WMO301/WMO319 are 1.0.0.
 */
const XSD_VERSIE = { basisschema: '1.0.0', bericht: '1.0.0' };

/** A message this adapter cannot write validly is a bug of its caller: nothing half right leaves it. */
export const onschrijfbaar = (wat: string): FacadeError =>
  new FacadeError('INTERNAL', 'Het iWmo-bericht kan niet worden opgesteld', { internal: `iwmo: ${wat}` });

/** `.*[^\s].*` with a length: LDT_IdentificatieBericht (12), LDT_Referentie (36). */
export function tekstVan(v: string, max: number, wat: string): string {
  if (v.trim() === '' || characterLength(v) > max) throw onschrijfbaar(`${wat} is leeg of langer dan ${max} tekens`);
  return v;
}

/** LDT_Datum: xs:date without zone, so a complete date only (an incomplete one is a Geboortedatum's affair). */
export function datumVan(d: StufDate, wat: string): string {
  if (d.precision !== 'dag') throw onschrijfbaar(`${wat} is geen volledige datum`);
  return d.iso;
}

/** LDT_Gemeente: the CBS gemeentecode, 4 digits (IV046); LDT_AgbCode: 8 digits. */
function kopCodes(kop: IwmoKop): { afzender: string; ontvanger: string } {
  if (!/^\d{4}$/.test(kop.gemeentecode)) throw onschrijfbaar('gemeentecode is geen 4 cijfers (CBS)');
  if (!/^\d{8}$/.test(kop.aanbieder)) throw onschrijfbaar('aanbieder is geen 8 cijfers (AGB)');
  return { afzender: kop.gemeentecode, ontvanger: kop.aanbieder };
}

/** The Header of WMO301 and WMO319 (same sequence in both XSDs). */
export function header(bericht: IwmoBericht, kop: IwmoKop): XmlElement {
  const { afzender, ontvanger } = kopCodes(kop);
  const p = bericht;
  return el(`${p}:Header`, undefined, [
    leaf(`${p}:BerichtCode`, BERICHTCODE[bericht]),
    // iWmo release 3.2: BerichtVersie 3, BerichtSubversie 2 (fixed patterns in the XSDs)
    leaf(`${p}:BerichtVersie`, '3'),
    leaf(`${p}:BerichtSubversie`, '2'),
    leaf(`${p}:Afzender`, afzender),
    leaf(`${p}:Ontvanger`, ontvanger),
    el(`${p}:BerichtIdentificatie`, undefined, [
      leaf('iwmo:Identificatie', tekstVan(kop.berichtIdentificatie, 12, 'berichtIdentificatie')),
      leaf('iwmo:Dagtekening', datumVan(kop.dagtekening, 'dagtekening')),
    ]),
    el(`${p}:XsdVersie`, undefined, [leaf('iwmo:BasisschemaXsdVersie', XSD_VERSIE.basisschema), leaf('iwmo:BerichtXsdVersie', XSD_VERSIE.bericht)]),
  ]);
}

/** UTF-8 XML with its declaration, as the iStandaarden examples are. */
export const alsBuffer = (root: XmlElement): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${toXml(root)}`, 'utf8');
