import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import type { FacadePorts } from '../../src/app/app-ports';
import { defaultConfig } from '../../src/app/config/app-config';
import { OPERATIES } from '../../src/core/domain/identiteit';
import { GebeurtenisLog } from '../../src/platform/gebeurtenissen/gebeurtenis-log';
import { defaultJournaalConfig } from '../../src/platform/journaal/journaal-config';
import { openStore } from '../../src/platform/store/open-store';
import type { Benchmark } from '../harness/benchmark';
import { percentile, round, summarise } from '../harness/stats';

const ALLES = new Set(OPERATIES);

/**
 * 6. Notification to subscriber: from the append to the event log (what the inbound endpoint does once it has
 * read the zaak) to the event at a graphql-ws client over loopback, one event at a time. Facade and client
 * share this process; the caller is identified by a stand-in (the token check happens once per connection, not
 * per event) and no zaaksysteem is involved (the subscription never calls it).
 */
export const subscriptionLatency: Benchmark = {
  id: 'subscription-latency',
  title: '6. Notification to subscriber latency (GraphQL subscription)',
  timeoutMs: () => 120_000,
  async run({ quick }, log) {
    const n = quick ? 20 : 200;
    // the facade runs in this process, so its schema is built here: type-graphql needs the metadata API first
    await import('reflect-metadata');
    const { buildApp } = await import('../../src/app/app');
    const store = await openStore({ soort: 'sqlite', pad: path.join(mkdtempSync(path.join(tmpdir(), 'bench-abonnement-')), 'facade.sqlite') });
    const gebeurtenissen = await GebeurtenisLog.open(store);
    const config = { ...defaultConfig('production'), logLevel: 'silent' as const, journaal: defaultJournaalConfig(mkdtempSync(path.join(tmpdir(), 'bench-journaal-'))) };
    const app = await buildApp(config, {
      // never called: a subscription reads only the event log
      ports: { zaken: {}, documenten: {}, overdracht: {}, close: async () => {} } as unknown as FacadePorts,
      store,
      gebeurtenissen,
      identify: async () => ({
        identiteit: { applicatie: 'bench', rechten: { operaties: ALLES, zaaktypen: 'alle', maxVertrouwelijkheid: 'ZEER GEHEIM' } },
        verwerking: { id: 'bench', uri: 'https://verwerkingen.example.nl/bench', naam: 'Bench', operaties: ALLES },
      }),
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const url = `ws://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
      const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer bench' }, retryAttempts: 0 });
      let aangekomen: ((id: string) => void) | undefined;
      const klaar = new Promise<void>((resolve, reject) => {
        client.subscribe<{ zaakGewijzigd: { id: string } }>({ query: 'subscription { zaakGewijzigd { id } }' }, { next: (r) => aangekomen?.(r.data!.zaakGewijzigd.id), error: reject, complete: resolve });
      });
      void klaar.catch(() => {});
      // the subscription is registered once an event sent after it arrives
      for (let gezien = false; !gezien; ) {
        const wacht = new Promise<boolean>((r) => ((aangekomen = () => r(true)), setTimeout(() => r(false), 500)));
        await gebeurtenissen.voegToe({ soort: 'zaak-gewijzigd', zaak: 'BENCH-0', zaaktype: 'GZP', gebeurtenis: 'Update zaak', notificatie: 'warm' });
        gezien = await wacht;
      }
      const samples = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const start = performance.now();
        const ontvangen = new Promise<string>((r) => (aangekomen = r));
        const g = await gebeurtenissen.voegToe({ soort: 'zaak-gewijzigd', zaak: `BENCH-${i + 1}`, zaaktype: 'GZP', gebeurtenis: 'Update zaak', notificatie: `n-${i}` });
        if ((await ontvangen) !== String(g.id)) throw new Error(`event ${g.id} expected`);
        samples[i] = performance.now() - start;
      }
      await client.dispose();
      const s = summarise(samples);
      const p95 = percentile([...samples].sort((a, b) => a - b), 95);
      log(`p50 ${round(s.p50)} ms, p95 ${round(p95)} ms over ${n} events`);
      return {
        inputs: { events: n, store: 'SQLite (file, synchronous=FULL)', transport: 'graphql-ws over loopback, one process' },
        tables: [{ columns: ['events', 'p50 ms', 'p95 ms', 'max ms'], rows: [[n, round(s.p50), round(p95), round(s.max)]] }],
        targets: [{ name: 'notification to subscriber', target: 'within 1 s (issue 13)', measured: `p95 ${round(p95)} ms`, met: p95 < 1000 }],
        notes: ['Each sample: the append (one store transaction) until the event arrives at the client; the next event is appended after it arrived.'],
        data: { ...s, p95 },
      };
    } finally {
      await app.close();
      await store.close();
    }
  },
};
