import { describe, expect, it } from 'vitest';
import { isValidBsn } from '../../../../src/core/domain/bsn';
import type { ZaakRegister } from '../../../../src/core/ports/zaak-register.port';
import { createUseCases } from '../../../../src/core/usecases/use-cases';
import { limitPorts } from '../../../../src/platform/limits/concurrency';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';
import { bestaandeZaak } from '../../core/usecases/fixtures';
import { FakeRegisters } from '../../core/usecases/fake-registers';
import { eventually } from '../request-pipeline/http-client';

/** 40 test BSNs of the 9999 range that pass the 11-proef. */
const BSNS = Array.from({ length: 2000 }, (_, i) => String(999990000 + i)).filter(isValidBsn).slice(0, 40);

/**
 * A zaaksysteem that is slow to search: every zoekZaken hangs until the test lets them all go, so that whatever
 * else gets through while they hang got through beside them, not after them.
 */
function traagZoekend() {
  const fake = new FakeRegisters();
  fake.put(bestaandeZaak('GZP-00001'));
  let laatGaan!: () => void;
  const poort = new Promise<void>((r) => (laatGaan = r));
  let zoekendNu = 0;
  let zoekendMax = 0;
  const zaken: ZaakRegister = {
    ...fake.zaken,
    async zoekZaken(...args) {
      zoekendMax = Math.max(zoekendMax, ++zoekendNu);
      await poort;
      zoekendNu--;
      return fake.zaken.zoekZaken(...args);
    },
  };
  return { ports: { zaken, documenten: fake.documenten, overdracht: fake.overdracht }, laatGaan, zoekend: () => zoekendNu, zoekendMax: () => zoekendMax };
}

const STATUS = { statustype: { code: 'PLAN', omschrijving: 'Plan' }, datumStatusGezet: '20250101120000000' };

describe('the bulkhead: searches hold at most their share of the process slots', () => {
  it('a dashboard question over many BSNs against a slow zaaksysteem leaves slots for a concurrent write', async () => {
    const zs = traagZoekend();
    const limited = limitPorts(zs.ports, { perRequest: 8, perProcess: 8 }, { searchesPerProcess: 6 });
    const useCases = createUseCases({ ...limited, sloten: inProcesSloten() });
    const vragen = [1, 2, 3].map((i) => useCases.forRequest({ requestId: `dashboard-${i}` }).heeftGezinsplan(BSNS, false));
    await eventually(() => zs.zoekend() === 6);
    // every search still hangs: the write gets one of the two slots the searches may not take
    await limited.zaken.actualiseerZaakstatus({ requestId: 'schrijven' }, 'GZP-00001', STATUS);
    await limited.zaken.geefZaak({ requestId: 'lezen' }, 'GZP-00001', ['omschrijving']);
    expect(zs.zoekend()).toBe(6);
    zs.laatGaan();
    const antwoorden = await Promise.all(vragen);
    expect(antwoorden.map((a) => a.length)).toEqual([40, 40, 40]);
    expect(zs.zoekendMax()).toBe(6);
  });

  it('without it, the same write waits until the searches are done (what the bulkhead prevents)', async () => {
    const zs = traagZoekend();
    const limited = limitPorts(zs.ports, { perRequest: 8, perProcess: 8 });
    const useCases = createUseCases({ ...limited, sloten: inProcesSloten() });
    const vragen = [1, 2, 3].map((i) => useCases.forRequest({ requestId: `dashboard-${i}` }).heeftGezinsplan(BSNS, false));
    await eventually(() => zs.zoekend() === 8);
    let geschreven = false;
    const schrijven = limited.zaken.actualiseerZaakstatus({ requestId: 'schrijven' }, 'GZP-00001', STATUS).then(() => (geschreven = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(geschreven).toBe(false);
    zs.laatGaan();
    await Promise.all([schrijven, ...vragen]);
    expect(geschreven).toBe(true);
  });
});
