import type { OntvangenOverdracht } from '../../../soap-clients/overdracht/overdragen-zaak.mapper';
import type { OperationSpec } from '../../../soap-clients/stuf/operations';
import type { SoapHandler, SoapRequest } from '../../../soap-clients/provider/soap-provider';
import type { XEl } from '../../../soap-clients/xml/xml-parser';
import type { NewContent } from '../store/document-store';
import type { ZaaksysteemStore } from '../store/zaaksysteem-store';

/** What the zaaksysteem adds to each request the provider kit hands to an operation handler. */
export interface ZaaksysteemContext {
  readonly store: ZaaksysteemStore;
  /**
   * The content of a ZKN:inhoud element: it was written to a temp file while the request was parsed; this waits
   * until the file is complete. `undefined` when the element was not in the message.
   */
  inhoud(element: XEl | undefined, meta: { bestandsnaam?: string; contentType?: string }): Promise<NewContent | undefined>;
  /** told of each overdracht once recorded (the backoffice double, backoffice/backoffice.ts); must not block */
  naOverdracht?(o: OntvangenOverdracht): void;
}

/** Handles one operation; returns the answer message (the SOAP Body content) or throws a FacadeError. */
export type OperationHandler = SoapHandler<OperationSpec, ZaaksysteemContext>;

/** One StUF request as an operation handler sees it: the message, who sent it, and the store. */
export type Aanvraag = SoapRequest<OperationSpec> & ZaaksysteemContext;
