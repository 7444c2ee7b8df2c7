import { describe, expect, it } from 'vitest';
import { groepscommit } from '../../../../src/platform/protocol/groepscommit';

describe('group commit of protocol batches', () => {
  it('writes what arrives in one turn, and what arrives while a commit runs, as one group each; every caller waits for its commit', async () => {
    const groepen: number[][] = [];
    let commitKlaar!: () => void;
    const schrijf = groepscommit<number>(async (items) => {
      groepen.push([...items]);
      if (groepen.length === 1) await new Promise<void>((r) => (commitKlaar = r));
    });
    const eerste = [1, 2, 3].map(schrijf);
    await new Promise((r) => setImmediate(r));
    expect(groepen).toEqual([[1, 2, 3]]);
    const tweede = [4, 5].map(schrijf);
    let klaar = 0;
    void Promise.all(eerste).then(() => klaar++);
    await new Promise((r) => setImmediate(r));
    expect(klaar).toBe(0);
    commitKlaar();
    await Promise.all([...eerste, ...tweede]);
    expect(groepen).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('writes a failed group again one by one: only the bad batch fails', async () => {
    const geschreven: number[] = [];
    const schrijf = groepscommit<number>(async (items) => {
      if (items.includes(13)) throw new Error('ongeldig');
      geschreven.push(...items);
    });
    const uitkomsten = await Promise.allSettled([11, 12, 13, 14].map(schrijf));
    expect(uitkomsten.map((u) => u.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(geschreven.sort()).toEqual([11, 12, 14]);
  });
});
