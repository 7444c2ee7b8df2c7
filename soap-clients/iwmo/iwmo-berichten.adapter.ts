import { today } from '../../src/core/domain/stuf-date';
import { tijdstipSeconden } from '../../src/core/domain/tijdstip';
import type { VerzoekAntwoord, VoorzieningAanvraag } from '../../src/core/domain/voorziening';
import type { IwmoBerichten, IwmoKop } from '../../src/core/ports/iwmo-berichten.port';
import { alsBuffer } from './iwmo-header';
import { buildWmo301 } from './wmo301.mapper';
import { buildWmo319 } from './wmo319.mapper';

/**
 * The iWmo 3.2 documents of a voorziening as XML. `klok` gives the moment of a toewijzing (Toewijzingsdatum and
 * Toewijzingstijd, IV013) in the gemeente's local time, as StUF Tijdstip is (LDT_Datum and LDT_Tijd carry no zone).
 */
export class IwmoBerichtenXml implements IwmoBerichten {
  constructor(private readonly klok: () => Date = () => new Date()) {}

  aanvraag301(aanvraag: VoorzieningAanvraag, kop: IwmoKop & { toewijzingNummers: number[] }): Buffer {
    const nu = this.klok();
    const t = tijdstipSeconden(nu);
    const moment = { datum: today(nu).iso, tijd: `${t.slice(8, 10)}:${t.slice(10, 12)}:${t.slice(12, 14)}` };
    return alsBuffer(buildWmo301(aanvraag, kop, moment));
  }

  antwoord319(antwoord: VerzoekAntwoord, kop: IwmoKop & { verzoekReferentie: string }): Buffer {
    return alsBuffer(buildWmo319(antwoord, kop));
  }
}
