import { randomUUID } from 'node:crypto';
import type { ZaakDocument } from '../../core/domain/document';
import { FacadeError } from '../../core/domain/errors';
import type { ContentFiles, PendingContent } from './content-files';
import type { Db } from './database';
import { fromJson, toJson } from '../../core/domain/stuf-json';
import type { ZaakStore } from './zaak-store';

export interface StoredInhoud {
  bestand: string;
  grootte: number;
  bestandsnaam?: string;
  contentType?: string;
}

export interface StoredDocument {
  zaakIdentificatie: string;
  document: ZaakDocument;
  inhoud?: StoredInhoud;
  checkout?: { id: string; door?: string };
}

/** Content that arrived with a message, already on disk in tmp/ (see ContentFiles). */
export interface NewContent {
  pending: PendingContent;
  bestandsnaam?: string;
  contentType?: string;
}

interface DocumentRow {
  identificatie: string;
  zaak: string;
  data: string;
  inhoud_bestand: string | null;
  inhoud_grootte: number | null;
  bestandsnaam: string | null;
  content_type: string | null;
  checkout_id: string | null;
  checkout_door: string | null;
}

/**
 * The DMS side: zaakdocumenten with their content file and the checkout lock of geefZaakdocumentbewerken
 * (ZDS 1.2 §4.3.5-4.3.7): while a document is checked out, only updateZaakdocument or cancelCheckout with
 * that checkout id may touch it, and a second checkout is refused.
 */
export class DocumentStore {
  constructor(
    private readonly db: Db,
    private readonly files: ContentFiles,
    private readonly zaken: ZaakStore,
  ) {}

  exists(identificatie: string): boolean {
    return this.db.prepare('SELECT 1 FROM document WHERE identificatie = ?').get(identificatie) !== undefined;
  }

  /** voegZaakdocumentToe (with content) / maakZaakdocument (without) */
  add(zaakIdentificatie: string, document: ZaakDocument, content?: NewContent): void {
    this.withPublished(content, (inhoud) =>
      this.db
        .transaction(() => {
          this.zaken.require(zaakIdentificatie);
          if (this.exists(document.identificatie)) {
            throw new FacadeError('ALREADY_EXISTS', `document ${document.identificatie} bestaat al`);
          }
          this.db
            .prepare(
              'INSERT INTO document (identificatie, zaak, data, inhoud_bestand, inhoud_grootte, bestandsnaam, content_type) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(document.identificatie, zaakIdentificatie, toJson(document), inhoud?.bestand ?? null, inhoud?.grootte ?? null,
              inhoud?.bestandsnaam ?? null, inhoud?.contentType ?? null);
        })
        .immediate(),
    );
  }

  get(identificatie: string): StoredDocument | undefined {
    const row = this.db.prepare<[string], DocumentRow>('SELECT * FROM document WHERE identificatie = ?').get(identificatie);
    return row && load(row);
  }

  require(identificatie: string): StoredDocument {
    const d = this.get(identificatie);
    if (!d) throw FacadeError.notFound(`document ${identificatie} niet gevonden`);
    return d;
  }

  /** geefLijstZaakdocumenten: NOT_FOUND for an unknown zaak, [] for a zaak without documents */
  list(zaakIdentificatie: string): StoredDocument[] {
    this.zaken.require(zaakIdentificatie);
    return this.db
      .prepare<[string], DocumentRow>('SELECT * FROM document WHERE zaak = ? ORDER BY rowid')
      .all(zaakIdentificatie)
      .map(load);
  }

  content(inhoud: StoredInhoud): AsyncIterable<Uint8Array> {
    return this.files.read(inhoud.bestand);
  }

  /** geefZaakdocumentbewerken: locks the document, returns the checkout id; LOCKED while already checked out */
  checkout(identificatie: string, door?: string): string {
    return this.db
      .transaction(() => {
        const doc = this.require(identificatie);
        if (doc.checkout) throw new FacadeError('LOCKED', `document ${identificatie} is al uitgecheckt`);
        const id = randomUUID();
        this.db
          .prepare('UPDATE document SET checkout_id = ?, checkout_door = ? WHERE identificatie = ?')
          .run(id, door ?? null, identificatie);
        return id;
      })
      .immediate();
  }

  /**
   * updateZaakdocument: new metadata and/or content; releases the lock. The checkout id is required only when
   * the document is checked out (ZDS 1.2 §4.3.6), and must then be the one handed out.
   */
  update(
    identificatie: string,
    checkoutId: string | undefined,
    change: (current: ZaakDocument) => ZaakDocument,
    content?: NewContent,
  ): void {
    let replaced: string | undefined;
    this.withPublished(content, (inhoud) =>
      this.db
        .transaction(() => {
          const doc = this.require(identificatie);
          checkLock(doc, checkoutId);
          const next = { ...change(doc.document), identificatie };
          const sets = ['data = ?', 'checkout_id = NULL', 'checkout_door = NULL'];
          const args: (string | number | null)[] = [toJson(next)];
          if (inhoud) {
            sets.push('inhoud_bestand = ?', 'inhoud_grootte = ?', 'bestandsnaam = ?', 'content_type = ?');
            args.push(inhoud.bestand, inhoud.grootte, inhoud.bestandsnaam ?? doc.inhoud?.bestandsnaam ?? null,
              inhoud.contentType ?? doc.inhoud?.contentType ?? null);
            replaced = doc.inhoud?.bestand;
          }
          this.db.prepare(`UPDATE document SET ${sets.join(', ')} WHERE identificatie = ?`).run(...args, identificatie);
        })
        .immediate(),
    );
    // the old file is unreferenced once the transaction committed
    if (replaced) this.files.remove(replaced);
  }

  /** cancelCheckout: releases the lock without changes; the checkout id must match */
  cancelCheckout(identificatie: string, checkoutId: string | undefined): void {
    this.db
      .transaction(() => {
        const doc = this.require(identificatie);
        if (!doc.checkout) throw new FacadeError('CONFLICT', `document ${identificatie} is niet uitgecheckt`);
        checkLock(doc, checkoutId);
        this.db.prepare('UPDATE document SET checkout_id = NULL, checkout_door = NULL WHERE identificatie = ?').run(identificatie);
      })
      .immediate();
  }

  referencedFiles(): Set<string> {
    const rows = this.db.prepare<[], { f: string }>('SELECT inhoud_bestand AS f FROM document WHERE inhoud_bestand IS NOT NULL').all();
    return new Set(rows.map((r) => r.f));
  }

  /** publishes the content file first, runs `write`, and removes the file again when `write` fails */
  private withPublished(content: NewContent | undefined, write: (inhoud: StoredInhoud | undefined) => void): void {
    if (!content) return write(undefined);
    const size = content.pending.size;
    const bestand = content.pending.publish();
    try {
      write({ bestand, grootte: size, bestandsnaam: content.bestandsnaam, contentType: content.contentType });
    } catch (e) {
      this.files.remove(bestand);
      throw e;
    }
  }
}

function checkLock(doc: StoredDocument, checkoutId: string | undefined): void {
  if (doc.checkout && doc.checkout.id !== checkoutId) {
    throw new FacadeError('LOCKED', `document ${doc.document.identificatie} is uitgecheckt onder een ander checkout-id`);
  }
}

function load(row: DocumentRow): StoredDocument {
  return {
    zaakIdentificatie: row.zaak,
    document: fromJson<ZaakDocument>(row.data),
    ...(row.inhoud_bestand
      ? {
          inhoud: {
            bestand: row.inhoud_bestand,
            grootte: row.inhoud_grootte ?? 0,
            ...(row.bestandsnaam !== null ? { bestandsnaam: row.bestandsnaam } : {}),
            ...(row.content_type !== null ? { contentType: row.content_type } : {}),
          },
        }
      : {}),
    ...(row.checkout_id ? { checkout: { id: row.checkout_id, ...(row.checkout_door ? { door: row.checkout_door } : {}) } } : {}),
  };
}
