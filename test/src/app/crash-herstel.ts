import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf } from '../../../bench/harness/document-content';
import { testBsns } from '../../../bench/harness/fixtures';
import { verantwoording } from '../../../src/platform/journaal/verantwoording';
import type { Reservering } from '../../../src/zaaksysteem/store/identificatie';
import { ZaaksysteemStore } from '../../../src/zaaksysteem/store/zaaksysteem-store';
import { MULTIPART_TYPE, multipartBody } from '../../support/multipart-body';
import { HerstartbareFacade, ZaaksysteemProces } from '../../support/processen';
import type { TestDatabase, TestDatabases } from '../../support/store-databases';
import type { GraphqlAntwoord } from './app-harness';

/**
 * Issue 12 "How it is proven", crash test: the facade as a process of its own is killed with SIGKILL at a random
 * moment while CLIENTS clients each create a gezinsplan with 2 documents (a GraphQL multipart upload), CYCLI
 * times, and restarted on the same store; each client repeats its create with the same idempotencyKey and the
 * same input until it has a final answer. Once the journal has settled every key, the zaaksysteem itself (its
 * store file and its admin endpoint, not the facade) must hold exactly one zaak per create, each with both
 * documents byte for byte, and no reserved identificatie that neither a zaak or document has nor the journal
 * accounts for.
 */
const CYCLI = 100;
const CLIENTS = 3;
const KALIBRATIES = 3;
const DOCUMENT_BYTES = { min: 2 * 1024, max: 8 * 1024 };
/** how long a client keeps repeating one create; a journal resumes a create within a restart or two */
const MAX_CREATE_MS = 30_000;
/** the wait a 409 IDEMPOTENCY_IN_PROGRESS asks for (Retry-After), capped for the test's speed */
const MAX_WACHT_MS = 200;
/** how long the journal may take, after the last cycle, until no key is `bezig` */
const MAX_AFWIKKELING_MS = 60_000;

/** a short lease, so that a restarted facade resumes its predecessor's entries within a second or so */
const JOURNAAL = { leaseMs: 1000, hervatMs: 250 };

/** outcomes that may be settled later: the client repeats the key until success (or MAX_CREATE_MS) */
const NOG_OPEN = new Set(['OUTCOME_UNKNOWN', 'APPLIED_INCOMPLETE']);

const MUTATIE = 'mutation ($i: GezinsplanInput!, $k: String) { createGezinsplan(invoer: $i, idempotencyKey: $k) { identificatie } }';
const REGISSEUR = { identificatie: 'REG-0042', achternaam: 'Jansen' };
const BSNS = testBsns(CLIENTS);

interface Create {
  /** the zaak's omschrijving: which zaken in the zaaksysteem are this create's */
  marker: string;
  sleutel: string;
  documenten: { titel: string; sha256: string }[];
  /** the multipart request, the same bytes every time */
  body: Buffer;
  /** 'ok' or the code of the last answer */
  uitkomst?: string;
}

interface Tellingen {
  kills: number;
  creates: number;
  herhalingen: number;
  dubbel: number;
  partieel: number;
  onverantwoord: number;
  ontbrekend: number;
  afwijkend: number;
  onafgerond: number;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function nieuweCreate(marker: string, bsn: string): Create {
  const sleutel = `${marker}-${randomUUID()}`;
  const inhoud = [1, 2].map(() => randomBytes(randomInt(DOCUMENT_BYTES.min, DOCUMENT_BYTES.max + 1)));
  const documenten = inhoud.map((b, n) => ({ titel: `${marker} document ${n + 1}`, sha256: sha256(b) }));
  const invoer = {
    omschrijving: marker,
    regisseur: REGISSEUR,
    clients: [{ bsn, geslachtsnaam: 'Hersteld' }],
    documenten: documenten.map((d) => ({ titel: d.titel, documenttype: 'Verslag', auteur: 'Regisseur', bestandsnaam: 'verslag.bin', contentType: 'application/octet-stream', inhoud: null })),
  };
  const body = multipartBody([
    { naam: 'operations', waarde: JSON.stringify({ query: MUTATIE, variables: { i: invoer, k: sleutel } }) },
    { naam: 'map', waarde: JSON.stringify({ 0: ['variables.i.documenten.0.inhoud'], 1: ['variables.i.documenten.1.inhoud'] }) },
    ...inhoud.map((b, n) => ({ naam: String(n), bestandsnaam: 'verslag.bin', type: 'application/octet-stream', inhoud: b })),
  ]);
  return { marker, sleutel, documenten, body };
}

/** one attempt; undefined when the connection failed or the answer is no GraphQL answer (the facade died) */
async function probeer(url: string, token: string, body: Buffer): Promise<{ json: GraphqlAntwoord; retryAfter?: string } | undefined> {
  try {
    const res = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': MULTIPART_TYPE, 'apollo-require-preflight': 'true', accept: 'application/json' },
      body,
    });
    const text = await res.body.text();
    const retryAfter = res.headers['retry-after'];
    return { json: JSON.parse(text) as GraphqlAntwoord, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined };
  } catch {
    return undefined;
  }
}

const wachttijd = (retryAfter: string | undefined) => Math.min(retryAfter === undefined ? MAX_WACHT_MS : Number(retryAfter) * 1000 || 0, MAX_WACHT_MS);

/**
 * A client that repeats its create (same key, same input) on a failed connection, a 409 IDEMPOTENCY_IN_PROGRESS
 * and any answer that says retryable, and, until MAX_CREATE_MS, on an outcome the journal may still settle.
 */
async function totUitkomst(facade: HerstartbareFacade, c: Create, tel: Tellingen): Promise<void> {
  const tot = Date.now() + MAX_CREATE_MS;
  for (let poging = 0; ; poging++) {
    if (poging > 0) tel.herhalingen++;
    const { url, tokens } = await facade.verbinding();
    const antwoord = await probeer(url, tokens.regie, c.body);
    const fout = antwoord?.json.errors?.[0];
    if (antwoord?.json.data?.createGezinsplan && !fout) {
      c.uitkomst = 'ok';
      return;
    }
    const code = fout ? String(fout.extensions?.code) : 'GEEN_ANTWOORD';
    c.uitkomst = code;
    const opnieuw = !fout || fout.extensions?.retryable === true || NOG_OPEN.has(code);
    if (!opnieuw || Date.now() > tot) return;
    await sleep(code === 'IDEMPOTENCY_IN_PROGRESS' || NOG_OPEN.has(code) ? wachttijd(antwoord?.retryAfter) : 20);
  }
}

/** the keys still `bezig` after MAX_AFWIKKELING_MS (GET /api/v1/opdrachten/{key}) */
async function nogBezig(facade: HerstartbareFacade, sleutels: string[]): Promise<string[]> {
  const tot = Date.now() + MAX_AFWIKKELING_MS;
  let open = sleutels;
  while (open.length > 0 && Date.now() < tot) {
    const { url, tokens } = await facade.verbinding();
    const bezig: string[] = [];
    for (const sleutel of open) {
      const res = await request(`${url}/api/v1/opdrachten/${encodeURIComponent(sleutel)}`, { headers: { authorization: `Bearer ${tokens.regie}` } });
      const o = (await res.body.json()) as { toestand?: string };
      if (res.statusCode === 200 && o.toestand === 'bezig') bezig.push(sleutel);
    }
    open = bezig;
    if (open.length > 0) await sleep(250);
  }
  return open;
}

/** Counts in the zaaksysteem's own store: duplicates, partial zaken, content that differs, lost creates, unaccounted reservations. */
async function controleer(zaaksysteemDir: string, creates: Create[], reserveringen: Reservering[], journaal: Awaited<ReturnType<typeof verantwoording>>, tel: Tellingen): Promise<void> {
  const store = ZaaksysteemStore.open({ dataDir: zaaksysteemDir });
  try {
    const zaken = store.zaken.find({ zaaktypeCode: 'GZP' });
    for (const c of creates) {
      const van = zaken.filter((z) => z.zaak.omschrijving === c.marker);
      if (van.length === 0) tel.ontbrekend++;
      tel.dubbel += Math.max(0, van.length - 1);
      for (const z of van) {
        const documenten = store.documenten.list(z.zaak.identificatie);
        if (documenten.length !== c.documenten.length) tel.partieel++;
        for (const d of documenten) {
          const verwacht = c.documenten.find((v) => v.titel === d.document.titel);
          const gelezen = d.inhoud ? (await digestOf(store.documenten.content(d.inhoud))).sha256 : undefined;
          if (!verwacht || gelezen !== verwacht.sha256) tel.afwijkend++;
        }
      }
    }
    const bestaat = (r: Reservering) => (r.soort === 'zaak' ? store.zaken.exists(r.identificatie) : store.documenten.exists(r.identificatie));
    tel.onverantwoord = reserveringen.filter(
      (r) => !bestaat(r) && !journaal.identificaties.has(r.identificatie) && !(r.referentienummer !== null && journaal.onbeantwoord.has(r.referentienummer)),
    ).length;
  } finally {
    store.close();
  }
}

const mediaan = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The crash test over a facade whose own store is a database of `databases`. */
export function crashHerstel(soort: string, databases: TestDatabases): void {
  describe(`crash recovery, the facade's store on ${soort}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crash-herstel-'));
    const zaaksysteemDir = path.join(dir, 'zaaksysteem');
    let zaaksysteem: ZaaksysteemProces | undefined;
    let facade: HerstartbareFacade | undefined;
    let db: TestDatabase;

    beforeAll(async () => {
      db = await databases.nieuw();
      zaaksysteem = await ZaaksysteemProces.start(zaaksysteemDir);
      facade = await HerstartbareFacade.start({ endpoints: zaaksysteem.endpoints, dataDir: dir, store: db.config, config: { logLevel: 'warn', journaal: JOURNAAL } });
    }, 240_000);

    afterAll(async () => {
      try {
        await facade?.stop();
        await zaaksysteem?.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await databases.opruimen();
      }
    }, 60_000);

    it(`${CYCLI} times kill -9 during creates with 2 documents: 0 duplicate or partial zaken, every document byte-exact, every reservation accounted for`, async () => {
      const f = facade!;
      const tel: Tellingen = { kills: 0, creates: 0, herhalingen: 0, dubbel: 0, partieel: 0, onverantwoord: 0, ontbrekend: 0, afwijkend: 0, onafgerond: 0 };
      const creates: Create[] = [];
      const ronde = (naam: string) => {
        const nieuw = BSNS.map((bsn, i) => nieuweCreate(`crash ${naam}-${i + 1}`, bsn));
        creates.push(...nieuw);
        tel.creates += nieuw.length;
        return nieuw.map((c) => totUitkomst(f, c, tel));
      };

      // D: how long a round of CLIENTS concurrent creates takes without a crash (the median of KALIBRATIES)
      const duren: number[] = [];
      for (let k = 1; k <= KALIBRATIES; k++) {
        const t = performance.now();
        await Promise.all(ronde(`k${k}`));
        duren.push(performance.now() - t);
      }
      const D = mediaan(duren);

      const herstarts: number[] = [];
      const cycli: number[] = [];
      for (let cyclus = 1; cyclus <= CYCLI; cyclus++) {
        const t = performance.now();
        const lopend = ronde(`c${cyclus}`);
        await sleep(Math.random() * 1.5 * D);
        await f.kill9();
        const h = performance.now();
        await f.herstart();
        herstarts.push(performance.now() - h);
        await Promise.all(lopend);
        cycli.push(performance.now() - t);
      }
      tel.kills = f.kills;

      tel.onafgerond = (await nogBezig(f, creates.map((c) => c.sleutel))).length;
      const reserveringen = await zaaksysteem!.reserveringen();
      await f.stop();
      const store = await db.open();
      const journaal = await verantwoording(store).finally(() => store.close());
      await zaaksysteem!.stop();
      await controleer(zaaksysteemDir, creates, reserveringen, journaal, tel);

      const uitkomsten = creates.map((c) => c.uitkomst);
      const ms = (xs: number[]) => `median ${Math.round(mediaan(xs))} ms, max ${Math.round(Math.max(...xs))} ms`;
      console.log(
        `crash recovery (${soort}): D ${Math.round(D)} ms; restart ${ms(herstarts)}; cycle ${ms(cycli)}; ` +
          `${JSON.stringify(tel)}; outcomes ${JSON.stringify(telUitkomsten(uitkomsten))}`,
      );
      expect(tel.kills).toBeGreaterThanOrEqual(CYCLI);
      expect(tel).toMatchObject({ dubbel: 0, partieel: 0, onverantwoord: 0, ontbrekend: 0, afwijkend: 0, onafgerond: 0 });
      expect(uitkomsten.filter((u) => u !== 'ok')).toEqual([]);
    }, CYCLI * 40_000 + 120_000);
  });
}

function telUitkomsten(uitkomsten: (string | undefined)[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const u of uitkomsten) n[String(u)] = (n[String(u)] ?? 0) + 1;
  return n;
}
