import type { Agent } from 'node:https';
import soap from 'soap';
import { OPERATIONS, type Dialect, type Service } from '../stuf/operations';
import { NS } from '../xml/namespaces';

export interface WsdlVergelijking {
  /** from the soapActions' namespaces: ZDS 1.2 names its own (zds0120), ZDS 1.1 only the ZKN 3.10 one */
  dialect?: Dialect;
  /** our operations of this service whose soapAction the WSDL does not have */
  ontbrekend: string[];
}

/** soap's parsed WSDL model: bindings -> methods -> { soapAction } */
type Definities = { bindings: Record<string, { methods: Record<string, { soapAction?: string }> }> };

/**
 * Reads a vendor's WSDL with `soap` (it resolves imports) and compares its soapActions with those we send to
 * this service in `dialect` (operations.ts: soapAction = namespace + '/' + WSDL operation name, StUF bindingen
 * 03.02 §2.3). The general zakLv01 search is not in that table: vendors publish it in the StUF-ZKN 3.10 WSDL.
 */
export async function vergelijkWsdl(url: string, service: Service, dialect: Dialect, ophalen: { httpsAgent?: Agent } = {}): Promise<WsdlVergelijking> {
  // wsdl_options go to soap's HTTP client for the WSDL and its imports: the configured CA and client certificate
  const client = await soap.createClientAsync(url, { wsdl_options: ophalen });
  const defs = (client as unknown as { wsdl: { definitions: Definities } }).wsdl.definitions;
  const acties = new Set(
    Object.values(defs.bindings).flatMap((b) => Object.values(b.methods).map((m) => (m.soapAction ?? '').replace(/^"|"$/g, ''))),
  );
  // initieerNotificeerOverZaak is the abonnementenbeheer's (RZS §5.2.7), which the facade never calls
  const ontbrekend = Object.values(OPERATIONS)
    .filter((op) => op.service === service && op.name !== 'initieerNotificeerOverZaak' && !acties.has(op.bindings[dialect].soapAction))
    .map((op) => op.name);
  const spreekt = [...acties].some((a) => a.startsWith(`${NS.ZDS}/`)) ? 'zds-1.2' : [...acties].some((a) => a.startsWith(`${NS.ZKN}/`)) ? 'zds-1.1' : undefined;
  return { ...(spreekt ? { dialect: spreekt } : {}), ontbrekend };
}
