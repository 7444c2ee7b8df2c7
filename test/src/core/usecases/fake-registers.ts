import { FacadeError } from '../../../../src/core/domain/errors';
import type { GelezenDocument, NieuwDocument, ZaakDocument } from '../../../../src/core/domain/document';
import { bytesOf, collectBytes } from '../../../../src/core/domain/document';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import { statusHistorie } from '../../../../src/core/domain/status-historie';
import { uitvoerendeSleutel, type NieuweStatus, type Status, type Zaak, type ZaakVeld, type ZaakWijziging, type ZaakZoekvraag } from '../../../../src/core/domain/zaak';
import type { DocumentRegister } from '../../../../src/core/ports/document-register.port';
import type { OverdrachtVerzoek, ZaakOverdracht, ZaakRegister } from '../../../../src/core/ports/zaak-register.port';

export interface PortCall {
  op: string;
  args: unknown[];
}

/** Only the asked velden (plus identificatie), as a zaaksysteem answers a scoped zakLv01. */
function scoped(z: Zaak, velden: readonly ZaakVeld[]): Zaak {
  const out: Zaak = { identificatie: z.identificatie };
  for (const v of velden) if (z[v] !== undefined) (out as unknown as Record<string, unknown>)[v] = z[v];
  return out;
}

const matches = (z: Zaak, v: ZaakZoekvraag) =>
  (v.identificatie === undefined || z.identificatie === v.identificatie) &&
  (v.zaaktypeCode === undefined || z.zaaktype?.code === v.zaaktypeCode) &&
  (v.clientBsn === undefined || (z.clients ?? []).some((c) => c.bsn === v.clientBsn)) &&
  (v.initiatorMedewerker === undefined || (z.initiator?.soort === 'medewerker' && z.initiator.medewerker.identificatie === v.initiatorMedewerker)) &&
  (v.gerelateerdeZaak === undefined || (z.gerelateerdeZaken ?? []).some((r) => r.identificatie === v.gerelateerdeZaak));

/**
 * A small in-memory zaaksysteem behind the three ports, recording every call. updateZaak compares `basis`
 * with the stored state for the changed velden, as a zaaksysteem compares `oud` (StUF 03.01 §5.5.3). It keeps
 * the port contracts (test/src/core/ports/*.contract.ts run against it), so the use-case tests stand on what
 * a zaaksysteem does.
 */
export class FakeRegisters {
  readonly calls: PortCall[] = [];
  readonly zakenStore = new Map<string, Zaak>();
  readonly docs = new Map<string, { zaak: string; doc: NieuwDocument; bytes: Buffer; checkout?: string }>();
  inFlight = 0;
  maxInFlight = 0;
  delayMs = 0;
  private seq = 0;

  private async call<T>(op: string, args: unknown[], f: () => T | Promise<T>): Promise<T> {
    this.calls.push({ op, args });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      return await f();
    } finally {
      this.inFlight--;
    }
  }

  ops(): string[] {
    return this.calls.map((c) => c.op);
  }

  put(z: Zaak): void {
    this.zakenStore.set(z.identificatie, z);
  }

  private get(id: string): Zaak {
    const z = this.zakenStore.get(id);
    if (!z) throw FacadeError.notFound('zaak onbekend');
    return z;
  }

  private doc(id: string) {
    const d = this.docs.get(id);
    if (!d) throw FacadeError.notFound('document onbekend');
    return d;
  }

  /** A checked-out document takes no other checkout, and only its own checkout id releases it. */
  private ontgrendel(id: string, checkoutId: string) {
    const d = this.doc(id);
    if (d.checkout !== checkoutId) throw new FacadeError('LOCKED', 'checkout-id klopt niet');
    d.checkout = undefined;
    return d;
  }

  readonly zaken: ZaakRegister = {
    genereerZaakIdentificatie: (_ctx: RequestContext) => this.call('genereerZaakIdentificatie', [], () => `ZAAK-${String(++this.seq).padStart(4, '0')}`),
    creeerZaak: (_ctx, zaak) =>
      this.call('creeerZaak', [zaak], () => {
        if (this.zakenStore.has(zaak.identificatie)) throw new FacadeError('ALREADY_EXISTS', 'zaak bestaat al');
        this.put({ ...zaak, statussen: [] });
      }),
    geefZaak: (_ctx, id, velden) => this.call('geefZaak', [id, [...velden]], () => scoped(this.get(id), velden)),
    zoekZaken: (_ctx, vraag, velden, max) =>
      this.call('zoekZaken', [vraag, [...velden], max], () => [...this.zakenStore.values()].filter((z) => matches(z, vraag)).slice(0, max).map((z) => scoped(z, velden))),
    zoekZakenPagina: (_ctx, vraag, velden, max, na) =>
      this.call('zoekZakenPagina', [vraag, [...velden], max, na], () => {
        const alle = [...this.zakenStore.values()].filter((z) => matches(z, vraag) && (na === undefined || z.identificatie > na)).sort((a, b) => (a.identificatie < b.identificatie ? -1 : 1));
        const zaken = alle.slice(0, max).map((z) => scoped(z, velden));
        return alle.length > max ? { zaken, volgende: zaken.at(-1)!.identificatie } : { zaken };
      }),
    geefStatussen: (_ctx, id) =>
      this.call('geefStatussen', [id], () => statusHistorie(this.get(id).statussen ?? [])),
    actualiseerZaakstatus: (_ctx, id, s: NieuweStatus) =>
      this.call('actualiseerZaakstatus', [id, s], () => {
        const z = this.get(id);
        z.statussen = [...(z.statussen ?? []), s as Status];
      }),
    updateZaak: (_ctx, id, w: ZaakWijziging, basis?: Zaak) =>
      this.call('updateZaak', [id, w, basis], () => {
        const z = this.get(id);
        for (const k of Object.keys(w) as (keyof ZaakWijziging)[]) {
          if (w[k] !== undefined && basis && JSON.stringify(basis[k]) !== JSON.stringify(z[k])) throw new FacadeError('CONFLICT', 'oud klopt niet');
        }
        const { clients, belanghebbenden, uitvoerenden, gerelateerdeZaken, ...attrs } = w;
        Object.assign(z, Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)));
        if (clients) z.clients = [...(z.clients ?? []).filter((c) => !clients.verwijderen?.includes(c.bsn)), ...(clients.toevoegen ?? [])];
        if (belanghebbenden) z.belanghebbenden = [...(z.belanghebbenden ?? []).filter((b) => !belanghebbenden.verwijderen?.includes(b.persoon.bsn)), ...(belanghebbenden.toevoegen ?? [])];
        const weg = (u: Parameters<typeof uitvoerendeSleutel>[0]) => uitvoerenden?.verwijderen?.some((s) => JSON.stringify(s) === JSON.stringify(uitvoerendeSleutel(u)));
        if (uitvoerenden) z.uitvoerenden = [...(z.uitvoerenden ?? []).filter((u) => !weg(u)), ...(uitvoerenden.toevoegen ?? [])];
        if (gerelateerdeZaken) z.gerelateerdeZaken = [...(z.gerelateerdeZaken ?? []).filter((r) => !gerelateerdeZaken.verwijderen?.includes(r.identificatie)), ...(gerelateerdeZaken.toevoegen ?? [])];
      }),
  };

  readonly documenten: DocumentRegister = {
    genereerDocumentIdentificatie: () => this.call('genereerDocumentIdentificatie', [], () => `DOC-${++this.seq}`),
    voegZaakdocumentToe: (_ctx, zaak, doc) =>
      this.call('voegZaakdocumentToe', [zaak, doc], async () => {
        this.docs.set(doc.identificatie, { zaak, doc, bytes: doc.inhoud ? await collectBytes(doc.inhoud.body) : Buffer.alloc(0) });
      }),
    maakZaakdocument: () => Promise.reject(new Error('not used')),
    geefLijstZaakdocumenten: (_ctx, zaak) =>
      this.call('geefLijstZaakdocumenten', [zaak], (): ZaakDocument[] =>
        [...this.docs.values()].filter((d) => d.zaak === zaak).map((d) => ({ identificatie: d.doc.identificatie, titel: d.doc.titel })),
      ),
    leesDocument: (_ctx, id) =>
      this.call('leesDocument', [id], (): GelezenDocument => {
        const d = this.doc(id);
        return { document: { identificatie: id, titel: d.doc.titel }, inhoud: { bestandsnaam: d.doc.inhoud?.bestandsnaam ?? '', contentType: d.doc.inhoud?.contentType ?? '', body: bytesOf(d.bytes) } };
      }),
    leesDocumentgegevens: (_ctx, id) =>
      this.call('leesDocumentgegevens', [id], () => {
        const d = this.doc(id);
        return { document: { identificatie: id, titel: d.doc.titel }, zaak: d.zaak };
      }),
    checkout: (_ctx, id) =>
      this.call('checkout', [id], () => {
        const d = this.doc(id);
        if (d.checkout) throw new FacadeError('LOCKED', 'document is uitgecheckt');
        d.checkout = `CO-${++this.seq}`;
        return { checkoutId: d.checkout, document: { identificatie: id, titel: d.doc.titel } };
      }),
    updateZaakdocument: (_ctx, id, checkoutId, w) =>
      this.call('updateZaakdocument', [id, checkoutId, w], async () => {
        const d = this.ontgrendel(id, checkoutId);
        if (w.titel !== undefined) d.doc = { ...d.doc, titel: w.titel };
        if (w.inhoud) {
          d.doc = { ...d.doc, inhoud: { ...w.inhoud, body: bytesOf(Buffer.alloc(0)) } };
          d.bytes = await collectBytes(w.inhoud.body);
        }
      }),
    cancelCheckout: (_ctx, id, checkoutId) => this.call('cancelCheckout', [id, checkoutId], () => void this.ontgrendel(id, checkoutId)),
  };

  readonly overdracht: ZaakOverdracht = {
    overdragenZaak: (_ctx, v: OverdrachtVerzoek) => this.call('overdragenZaak', [v], () => void this.get(v.identificatie)),
  };
}
