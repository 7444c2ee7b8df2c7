/** One step of the doctor: passed, failed, or not taken (because an earlier step failed, or it does not apply). */
export interface Stap {
  readonly naam: string;
  readonly uitkomst: 'goed' | 'fout' | 'overgeslagen';
  /** what was found, in plain words */
  readonly bevinding: string;
  /** what to do about it; failed steps only */
  readonly advies?: string;
}

export const goed = (naam: string, bevinding: string): Stap => ({ naam, uitkomst: 'goed', bevinding });
export const fout = (naam: string, bevinding: string, advies: string): Stap => ({ naam, uitkomst: 'fout', bevinding, advies });
export const overgeslagen = (naam: string, bevinding: string): Stap => ({ naam, uitkomst: 'overgeslagen', bevinding });

const TEKEN: Record<Stap['uitkomst'], string> = { goed: '✓', fout: '✗', overgeslagen: '–' };

/** One line per step, the advice indented below a failed one. */
export const regel = (s: Stap): string =>
  `${TEKEN[s.uitkomst]} ${s.naam}: ${s.bevinding}${s.advies ? `\n    → ${s.advies}` : ''}`;
