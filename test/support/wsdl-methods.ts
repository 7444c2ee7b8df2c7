import soap from 'soap';
import { NS } from '../../soap-clients/xml/namespaces';

/** One WSDL binding operation as the official WSDL says it: soapAction, input and output element. */
export interface WsdlMethod {
  soapAction: string;
  element: string;
  namespace: string;
  outputElement: string;
  outputNamespace: string;
}

/** The operations of an official WSDL by name, read with `soap` (it resolves imports and types). */
export async function methodsOf(file: string): Promise<Map<string, WsdlMethod>> {
  const client = await soap.createClientAsync(file);
  // soap's parsed WSDL model: bindings -> methods -> { soapAction, input/output: { $name, targetNamespace } }
  const defs = (client as unknown as { wsdl: { definitions: { bindings: Record<string, { methods: Record<string, any> }> } } })
    .wsdl.definitions;
  const out = new Map<string, WsdlMethod>();
  for (const b of Object.values(defs.bindings)) {
    for (const [name, m] of Object.entries(b.methods)) {
      out.set(name, {
        soapAction: m.soapAction,
        element: m.input?.$name,
        namespace: m.input?.targetNamespace,
        outputElement: m.output?.$name,
        outputNamespace: m.output?.targetNamespace,
      });
    }
  }
  return out;
}

export const nsOfPrefix = (qname: string): string => NS[qname.split(':')[0] as keyof typeof NS];
export const localOf = (qname: string): string => qname.split(':')[1]!;
