import { NotificatieOutbox } from './notificatie-outbox';
import { ContentFiles } from './content-files';
import { openDatabase, type Db } from './database';
import { DocumentStore } from './document-store';
import {
  checkFormaat,
  DEFAULT_DOCUMENT_FORMAAT,
  DEFAULT_ZAAK_FORMAAT,
  nextIdentificatie,
  reserveringen,
  type IdentificatieFormaat,
  type Reservering,
} from './identificatie';
import { ZaakStore } from './zaak-store';

export interface StoreOptions {
  /** default ./data/zaaksysteem; created when missing */
  dataDir?: string;
  zaakIdentificatie?: Partial<IdentificatieFormaat>;
  documentIdentificatie?: Partial<IdentificatieFormaat>;
}

export const DEFAULT_DATA_DIR = './data/zaaksysteem';

/** The embedded zaakmagazijn and DMS: one SQLite database plus a folder of content files. */
export class ZaaksysteemStore {
  readonly zaken: ZaakStore;
  readonly documenten: DocumentStore;
  readonly content: ContentFiles;
  /** the abonnementenbeheer's notifications still to be delivered */
  readonly notificaties: NotificatieOutbox;
  private readonly zaakFormaat: IdentificatieFormaat;
  private readonly documentFormaat: IdentificatieFormaat;

  private constructor(
    private readonly db: Db,
    readonly dataDir: string,
    options: StoreOptions,
  ) {
    this.zaakFormaat = { ...DEFAULT_ZAAK_FORMAAT, ...options.zaakIdentificatie };
    this.documentFormaat = { ...DEFAULT_DOCUMENT_FORMAAT, ...options.documentIdentificatie };
    checkFormaat(this.zaakFormaat);
    checkFormaat(this.documentFormaat);
    this.content = new ContentFiles(dataDir);
    this.zaken = new ZaakStore(db);
    this.notificaties = new NotificatieOutbox(db);
    this.documenten = new DocumentStore(db, this.content, this.zaken);
    this.content.sweep(this.documenten.referencedFiles());
  }

  static open(options: StoreOptions = {}): ZaaksysteemStore {
    const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
    const db = openDatabase(dataDir);
    try {
      return new ZaaksysteemStore(db, dataDir, options);
    } catch (e) {
      db.close();
      throw e;
    }
  }

  /** genereerZaakIdentificatie, asked by the message with this referentienummer */
  nextZaakIdentificatie(referentienummer?: string): string {
    return nextIdentificatie(this.db, 'zaak', this.zaakFormaat, (id) => this.zaken.exists(id), referentienummer);
  }

  /** genereerDocumentIdentificatie, asked by the message with this referentienummer */
  nextDocumentIdentificatie(referentienummer?: string): string {
    return nextIdentificatie(this.db, 'document', this.documentFormaat, (id) => this.documenten.exists(id), referentienummer);
  }

  /** every identificatie handed out, used or not (GET /__admin/reserveringen) */
  reserveringen(): Reservering[] {
    return reserveringen(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
