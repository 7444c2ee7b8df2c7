import type { BackendConfig, BackendsConfig } from './config/backend-config';
import type { Role } from './stuf/operations';
import { HttpSoapTransport, type HttpSoapTransportOptions } from './transport/http-soap-transport';
import type { SoapTransport, ZdsBackend } from './transport/soap-transport';

export interface ZdsBackends {
  readonly zaak: ZdsBackend;
  /** the DMS (RZS 1.0 §5.2.4); the zaak backend itself when no separate DMS is configured */
  readonly document: ZdsBackend;
  /** closes the connection pools */
  close(): Promise<void>;
}

function backend(role: Role, config: BackendConfig, transport: SoapTransport): ZdsBackend {
  return { role, dialect: config.dialect, zender: config.zender, ontvanger: config.ontvanger, transport };
}

/** The configured backends with their HTTP transports; without `document`, both roles share one pool. */
export function createZdsBackends(config: BackendsConfig, opts: HttpSoapTransportOptions = {}): ZdsBackends {
  const zaakTransport = new HttpSoapTransport(config.zaak, opts);
  const documentTransport = config.document ? new HttpSoapTransport(config.document, opts) : zaakTransport;
  const transports = [...new Set([zaakTransport, documentTransport])];
  return {
    zaak: backend('zaak', config.zaak, zaakTransport),
    document: backend('document', config.document ?? config.zaak, documentTransport),
    close: async () => {
      await Promise.all(transports.map((t) => t.close()));
    },
  };
}
