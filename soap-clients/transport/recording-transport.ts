import type { Dialect, OperationName } from '../stuf/operations';
import type { XEl } from '../xml/xml-parser';
import { toXml, type XmlElement } from '../xml/xml-writer';
import type { SoapCall, SoapTransport } from './soap-transport';

export interface RecordedCall {
  readonly operation: OperationName;
  readonly soapAction: string;
  /** the StUF message as sent (the Body content, without envelope) */
  readonly requestXml: string;
}

/** Reads streamed base64 content into memory, so that the message can be both recorded and sent. */
async function buffered(e: XmlElement): Promise<XmlElement> {
  const children = e.children && (await Promise.all(e.children.map((c) => (c ? buffered(c) : c))));
  if (e.base64 === undefined || e.base64 instanceof Uint8Array) return { ...e, children };
  const parts: Uint8Array[] = [];
  for await (const p of e.base64) parts.push(p);
  return { ...e, children, base64: Buffer.concat(parts) };
}

/** Records every call it passes on: for asserting what was sent, and for counting SOAP round trips. */
export class RecordingTransport implements SoapTransport {
  readonly calls: RecordedCall[] = [];

  constructor(
    private readonly inner: SoapTransport,
    private readonly dialect: Dialect,
  ) {}

  get count(): number {
    return this.calls.length;
  }

  /** calls of one operation */
  of(operation: OperationName): RecordedCall[] {
    return this.calls.filter((c) => c.operation === operation);
  }

  async send(call: SoapCall): Promise<XEl> {
    const body = await buffered(call.body);
    this.calls.push({
      operation: call.operation.name,
      soapAction: call.operation.bindings[this.dialect].soapAction,
      requestXml: toXml(body),
    });
    return this.inner.send({ ...call, body });
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
