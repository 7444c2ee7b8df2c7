import { expect } from 'vitest';
import { DEMO_BSN, DEMO_DOCUMENT, DEMO_ZAAK } from '../../../src/zaaksysteem/demo/demo-data';

/**
 * The demo zaak and document an answer-identity test gets instead of those asked: gezin El Amrani's, while
 * gezin Jansen's are asked for. Nothing of them may reach a caller: identificaties, omschrijving, names, BSNs.
 */
export const GEVRAAGD = { zaak: DEMO_ZAAK.gezinsplanJansen, document: DEMO_DOCUMENT.gezinsplanPdf } as const;
export const ANDER = { zaak: DEMO_ZAAK.gezinsplanElAmrani, document: DEMO_DOCUMENT.gezinsplanElAmrani } as const;

export function expectNietsVanAnder(tekst: string): void {
  for (const spoor of [ANDER.zaak, ANDER.document, 'El Amrani', DEMO_BSN.moElAmrani, DEMO_BSN.partnerElAmrani]) {
    expect(tekst).not.toContain(spoor);
  }
}

/** The log line of the refusal names the code and the identificatie asked for, never a BSN. */
export function expectGelogd(logs: readonly string[], operatie: string, soort: 'zaak' | 'document', gevraagd: string): void {
  const regels = logs.filter((l) => l.includes(`${operatie} answered about another ${soort} than ${gevraagd}`));
  expect(regels.length).toBeGreaterThan(0);
  for (const r of regels) {
    expect(r).toContain('BACKEND_PROTOCOL');
    expect(r).not.toMatch(/\b9999\d{5}\b/);
  }
}
