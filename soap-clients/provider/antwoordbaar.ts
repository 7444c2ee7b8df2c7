import type { Stuurgegevens, Systeem } from '../stuf/stuurgegevens';

/** StUF:applicatie has minLength 3 (stuf0301.xsd): a name we cannot answer to is written as this */
const ONBEKEND: Systeem = { applicatie: 'onbekend' };

/**
 * The stuurgegevens of a question as an answer needs them. An answer goes from the question's ontvanger back to
 * its zender (StUF 03.01 §4.2); some questions leave them out (the STP vraagberichten carry only berichtcode and
 * entiteittype), and an answer without zender/ontvanger is invalid. We then answer as `eigen`, to 'onbekend'.
 */
export function alsAntwoordbaar(sg: Stuurgegevens, eigen: Systeem): Stuurgegevens {
  return {
    ...sg,
    zender: sg.zender.applicatie ? sg.zender : ONBEKEND,
    ontvanger: sg.ontvanger.applicatie ? sg.ontvanger : eigen,
  };
}
