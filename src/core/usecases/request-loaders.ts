import DataLoader from 'dataloader';
import type { ZaakDocument } from '../domain/document';
import type { RequestContext } from '../domain/request-context';
import type { Status, Zaak, ZaakVeld, ZaakZoekvraag } from '../domain/zaak';
import type { DocumentRegister } from '../ports/document-register.port';
import type { ZaakRegister } from '../ports/zaak-register.port';

interface ZaakVraag {
  identificatie: string;
  velden: readonly ZaakVeld[];
}

interface ZoekVraag {
  vraag: ZaakZoekvraag;
  velden: readonly ZaakVeld[];
  maximumAantal: number;
}

const veldenKey = (velden: readonly ZaakVeld[]) => [...new Set(velden)].sort().join(',');
const zoekKey = (v: Omit<ZoekVraag, 'velden'>) =>
  JSON.stringify([v.vraag.identificatie, v.vraag.zaaktypeCode, v.vraag.clientBsn, v.vraag.initiatorMedewerker, v.vraag.gerelateerdeZaak, v.maximumAantal]);

/** Groups keys by `groupOf`, asks once per group with the union of the requested velden, answers each key. */
async function perGroep<K extends { velden: readonly ZaakVeld[] }, R>(
  keys: readonly K[],
  groupOf: (k: K) => string,
  ask: (first: K, velden: ZaakVeld[]) => Promise<R>,
): Promise<(R | Error)[]> {
  const groups = new Map<string, { first: K; velden: Set<ZaakVeld> }>();
  for (const k of keys) {
    const g = groups.get(groupOf(k)) ?? { first: k, velden: new Set<ZaakVeld>() };
    k.velden.forEach((v) => g.velden.add(v));
    groups.set(groupOf(k), g);
  }
  const answers = new Map<string, Promise<R | Error>>();
  for (const [key, g] of groups) {
    answers.set(key, ask(g.first, [...g.velden].sort()).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
  }
  return Promise.all(keys.map((k) => answers.get(groupOf(k))!));
}

/**
 * The per-request memory of StUF questions (created by an API edge for each request, never shared): within
 * one request an identical question is asked once, and questions about the same zaak or the same search that
 * arrive in the same tick are merged into one call whose scope is the union of what each asker selected.
 * StUF has no multi-key read, so "batching" here means deduplication and merging, not one call for many keys.
 */
export class RequestLoaders {
  readonly zaak: DataLoader<ZaakVraag, Zaak, string>;
  readonly zoek: DataLoader<ZoekVraag, Zaak[], string>;
  readonly statussen: DataLoader<string, Status[]>;
  readonly documenten: DataLoader<string, ZaakDocument[]>;

  constructor(ctx: RequestContext, zaken: ZaakRegister, documenten: DocumentRegister) {
    this.zaak = new DataLoader(
      (keys) => perGroep(keys, (k) => k.identificatie, (k, velden) => zaken.geefZaak(ctx, k.identificatie, velden)),
      { cacheKeyFn: (k) => `${k.identificatie}|${veldenKey(k.velden)}` },
    );
    this.zoek = new DataLoader(
      (keys) => perGroep(keys, zoekKey, (k, velden) => zaken.zoekZaken(ctx, k.vraag, velden, k.maximumAantal)),
      { cacheKeyFn: (k) => `${zoekKey(k)}|${veldenKey(k.velden)}` },
    );
    this.statussen = new DataLoader((ids) => Promise.all(ids.map((id) => zaken.geefStatussen(ctx, id).catch((e: Error) => e))));
    this.documenten = new DataLoader((ids) =>
      Promise.all(ids.map((id) => documenten.geefLijstZaakdocumenten(ctx, id).catch((e: Error) => e))),
    );
  }

  /** After a mutation every cached answer about that zaak (and any search) may be stale. */
  vergeet(identificatie: string): void {
    this.zaak.clearAll();
    this.zoek.clearAll();
    this.statussen.clear(identificatie);
    this.documenten.clear(identificatie);
  }
}
