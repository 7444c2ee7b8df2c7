/**
 * Group commit: what arrives while the previous commit runs, or in the same turn of the event loop, is written
 * in one transaction, and each caller hears only after that commit (LDV: the logbook confirms every write). At
 * eight requests at a time one fsync then serves several requests instead of one each, and SQLite, whose
 * commit blocks the event loop, blocks it far less often. A group that fails is written again one by one, so
 * one bad batch never takes the others down with it.
 */
export function groepscommit<T>(schrijfGroep: (items: readonly T[]) => Promise<void>): (item: T) => Promise<void> {
  let wachtend: { item: T; klaar: () => void; fout: (e: unknown) => void }[] = [];
  let bezig = false;

  const spoel = async (): Promise<void> => {
    bezig = true;
    while (wachtend.length > 0) {
      const groep = wachtend;
      wachtend = [];
      try {
        await schrijfGroep(groep.map((g) => g.item));
        for (const g of groep) g.klaar();
      } catch (e) {
        if (groep.length === 1) groep[0]!.fout(e);
        else for (const g of groep) await schrijfGroep([g.item]).then(g.klaar, g.fout);
      }
    }
    bezig = false;
  };

  return (item) =>
    new Promise<void>((klaar, fout) => {
      wachtend.push({ item, klaar, fout });
      // the first of a turn waits for the end of it (setImmediate), so that the turn's other batches join in
      if (!bezig) {
        bezig = true;
        setImmediate(() => void spoel());
      }
    });
}
