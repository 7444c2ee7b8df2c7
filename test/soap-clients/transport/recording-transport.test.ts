import { describe, expect, it } from 'vitest';
import { RecordingTransport } from '../../../soap-clients/transport/recording-transport';
import type { SoapCall, SoapTransport } from '../../../soap-clients/transport/soap-transport';
import { parseXml, type XEl } from '../../../soap-clients/xml/xml-parser';
import { el, leaf, toXml } from '../../../soap-clients/xml/xml-writer';
import { call, vrijBericht } from './fake-backend';

/** answers with a fixed element and remembers what it was given */
class CannedTransport implements SoapTransport {
  readonly seen: string[] = [];
  closed = false;
  async send(c: SoapCall): Promise<XEl> {
    this.seen.push(toXml(c.body));
    return parseXml('<a/>');
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

describe('RecordingTransport', () => {
  it('records operation, soapAction of the dialect and the message, and counts calls', async () => {
    const inner = new CannedTransport();
    const rec = new RecordingTransport(inner, 'zds-1.1');
    const body = vrijBericht('genereerZaakIdentificatie', 'zds-1.1');
    await rec.send(call('geefZaakdetails', body));
    await rec.send(call('geefZaakstatus', body));
    expect(rec.count).toBe(2);
    expect(rec.calls.map((c) => [c.operation, c.soapAction])).toEqual([
      ['geefZaakdetails', 'http://www.egem.nl/StUF/sector/zkn/0310/geefZaakdetails_Lv01'],
      ['geefZaakstatus', 'http://www.egem.nl/StUF/sector/zkn/0310/geefZaakstatus_Lv01'],
    ]);
    expect(rec.calls[0]!.requestXml).toBe(toXml(body));
    expect(rec.of('geefZaakstatus')).toHaveLength(1);
    await rec.close();
    expect(inner.closed).toBe(true);
  });

  it('records streamed document content and still passes all of it on', async () => {
    const inner = new CannedTransport();
    const rec = new RecordingTransport(inner, 'zds-1.2');
    async function* content() {
      yield Buffer.from('hallo ');
      yield Buffer.from('wereld');
    }
    const body = el('ZDS:voegZaakdocumentToe_EdcLk01', undefined, [leaf('ZKN:titel', 't'), { name: 'ZKN:inhoud', base64: content() }]);
    await rec.send(call('voegZaakdocumentToe', body));
    const inhoud = Buffer.from('hallo wereld').toString('base64');
    expect(rec.calls[0]!.requestXml).toContain(`<ZKN:inhoud>${inhoud}</ZKN:inhoud>`);
    expect(inner.seen[0]).toBe(rec.calls[0]!.requestXml);
  });
});
