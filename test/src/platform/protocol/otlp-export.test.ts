import { describe, expect, it } from 'vitest';
import { otlpRegel } from '../../../../src/platform/protocol/otlp-export';
import { ACTIVITEIT, batch } from './protocol-fixture';

describe('otlpRegel', () => {
  const regel = batch(1, ['a'.repeat(64)]).regels[0]!;

  it('is one ExportTraceServiceRequest with one span carrying the LDV fields and dpl.core attributes', () => {
    const tekst = otlpRegel(regel);
    expect(tekst).not.toContain('\n');
    expect(JSON.parse(tekst)).toEqual({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'stuf-zkn-facade' } }] },
          scopeSpans: [
            {
              scope: { name: 'stuf-zkn-facade' },
              spans: [
                {
                  traceId: regel.traceId,
                  spanId: regel.spanId,
                  parentSpanId: regel.parentSpanId,
                  name: 'gezinsplan',
                  startTimeUnixNano: '1767225601000000000',
                  endTimeUnixNano: '1767225601040000000',
                  status: { code: 1 },
                  attributes: [
                    { key: 'dpl.core.processing_activity_id', value: { stringValue: ACTIVITEIT } },
                    { key: 'dpl.core.data_subject_id', value: { stringValue: 'a'.repeat(64) } },
                    { key: 'dpl.core.data_subject_id_type', value: { stringValue: 'BSN' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  it('maps the LDV status to the OTLP code and the caller’s operation to a span link', () => {
    const span = (r: typeof regel) => JSON.parse(otlpRegel(r)).resourceSpans[0].scopeSpans[0].spans[0];
    expect(span({ ...regel, status: 'Unset' }).status).toEqual({ code: 0 });
    expect(span({ ...regel, status: 'Error' }).status).toEqual({ code: 2 });
    expect(span(regel)).not.toHaveProperty('links');
    expect(span({ ...regel, foreignOperation: { traceId: 'f'.repeat(32), spanId: 'e'.repeat(16) } }).links).toEqual([{ traceId: 'f'.repeat(32), spanId: 'e'.repeat(16) }]);
  });
});
