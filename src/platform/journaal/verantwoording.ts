import type { Store } from '../store/store.port';

/**
 * Every identificatie the zaaksysteem reserved for the facade is accounted for here (issue 12 §3, ZDS 1.2 §4.1.6:
 * a reserved identificatie is handed out once): the ones whose reservation was answered (`identificaties`), and
 * the referentienummers of reservation requests that went out and whose answer never came (`onbeantwoord`): those
 * may have reserved one nobody will use, and an operator can find it in the zaaksysteem by that referentienummer.
 */
export async function verantwoording(store: Store): Promise<{ identificaties: Set<string>; onbeantwoord: Set<string> }> {
  const rijen = await store.query<{ toestand: string; referentie: string | null; resultaat: string | null; verloren: string | null }>(
    "SELECT toestand, referentie, resultaat, verloren FROM facade_journaal_stap WHERE operatie LIKE 'genereer%'",
  );
  const identificaties = new Set<string>();
  const onbeantwoord = new Set<string>();
  for (const r of rijen) {
    if (r.toestand === 'klaar' && r.resultaat !== null) identificaties.add(JSON.parse(r.resultaat) as string);
    if (r.toestand === 'verzonden' && r.referentie) onbeantwoord.add(r.referentie);
    for (const ref of r.verloren ? (JSON.parse(r.verloren) as string[]) : []) onbeantwoord.add(ref);
  }
  return { identificaties, onbeantwoord };
}
