import soap from 'soap';
import { closedLoop } from '../harness/closed-loop';
import { announceFailure, announceReady, serveIpc } from '../harness/ipc-server';
import { probeHandlers } from '../harness/process-probe';
import type { LoadJob } from '../harness/load-job';

/**
 * node-soap (the `soap` package) as a caller would use it on its own: a client built from the official ZDS 1.2
 * WSDL (argv[2]: path, argv[3]: operation), pointed at the job's url. The job's body is the content of the
 * operation's root element as the facade sends it, given as `$xml`, its prefixes declared on the Envelope
 * (argv[4]); node-soap writes root, envelope and SOAPAction from the WSDL, POSTs it and parses the answer into
 * objects against the WSDL's schemas, which is the work it is compared on.
 */
try {
  const [wsdl, operation, namespaces] = [process.argv[2] ?? '', process.argv[3] ?? '', process.argv[4] ?? ''];
  const client = await soap.createClientAsync(wsdl);
  // the prefixes of the content that the WSDL's own declarations lack (xmlnsInEnvelope is what node-soap writes)
  const wsdlDoc = client.wsdl as unknown as { xmlnsInEnvelope: string };
  const missing = namespaces.split(' ').filter((d) => d && !wsdlDoc.xmlnsInEnvelope.includes(d.split('=')[0]! + '='));
  wsdlDoc.xmlnsInEnvelope = [wsdlDoc.xmlnsInEnvelope, ...missing].join(' ');
  // setEndpoint defines the operation methods anew for the endpoint: look the method up after it
  const method = () => (client as unknown as Record<string, ((args: unknown) => Promise<[unknown, string]>) | undefined>)[`${operation}Async`];
  if (!method()) throw new Error(`not available: the WSDL has no operation ${operation}`);
  serveIpc({
    ...probeHandlers(),
    run: (p) => {
      const job = p as LoadJob;
      client.setEndpoint(job.url);
      const call = method()!;
      return closedLoop(job, async (_i, body) => {
        const [, raw] = await call({ $xml: body ?? '' });
        return { status: 200, bytes: Buffer.byteLength(raw) };
      });
    },
  });
  announceReady({});
} catch (e) {
  announceFailure(e);
}
