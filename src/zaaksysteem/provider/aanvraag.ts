import type { Dialect, OperationSpec } from '../../../soap-clients/stuf/operations';
import type { Stuurgegevens } from '../../../soap-clients/stuf/stuurgegevens';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import type { XmlElement } from '../../../soap-clients/xml/xml-writer';
import type { NewContent } from '../store/document-store';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';

/** One StUF request as an operation handler sees it: the message, who sent it, and the store. */
export interface Aanvraag {
  readonly op: OperationSpec;
  readonly dialect: Dialect;
  /** as sent; zakLv01 decoding needs it (ZDS 1.1 operations and ZDS 1.2 searches share a root) */
  readonly soapAction: string;
  /** the StUF message: first child of the SOAP Body */
  readonly bericht: XEl;
  readonly stuurgegevens: Stuurgegevens;
  /** completes decoded stuurgegevens so that an answer can be addressed (see eigen-systeem.ts) */
  antwoordbaar<T extends { stuurgegevens: Stuurgegevens }>(decoded: T): T;
  readonly store: ZaaksysteemStore;
  /**
   * The content of a ZKN:inhoud element: it was written to a temp file while the request was parsed; this waits
   * until the file is complete. `undefined` when the element was not in the message.
   */
  inhoud(element: XEl | undefined, meta: { bestandsnaam?: string; contentType?: string }): Promise<NewContent | undefined>;
}

/** Handles one operation; returns the answer message (the SOAP Body content) or throws a FacadeError. */
export type OperationHandler = (aanvraag: Aanvraag) => Promise<XmlElement>;
