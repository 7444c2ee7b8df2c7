import { describe, expect, it } from 'vitest';
import { fullDate } from '../../../../src/core/domain/stuf-date';
import type { ProductAanvraag } from '../../../../src/core/domain/voorziening';
import type { AanvraagDocument } from '../../../../src/core/domain/voorziening-document';
import { voorzieningenUit, type GelezenDeelplan } from '../../../../src/core/domain/voorziening-stand';
import type { Status } from '../../../../src/core/domain/zaak';

const ZIN: ProductAanvraag = { leveringsvorm: 'ZIN', product: { categorie: '01' }, ingangsdatum: fullDate('2027-01-01') };
const KOP: AanvraagDocument['aanvraag'] = { gezinsplan: 'GZP-1', client: { bsn: '999993653' } };
const status = (omschrijving: string, datumStatusGezet: string): Status => ({ statustype: { code: omschrijving.slice(0, 3), omschrijving }, datumStatusGezet });

function deelplan(id: string, producten: number[], o: Partial<GelezenDeelplan> & { arrangement?: string } = {}): GelezenDeelplan {
  const aanvraag: AanvraagDocument = { ...(o.arrangement ? { arrangement: o.arrangement } : {}), producten: producten.map((index) => ({ index, aanvraag: ZIN })), aanvraag: KOP };
  return { zaak: { identificatie: id, ...o.zaak }, aanvraag, signalen: [], ...(o.beschikking ? { beschikking: o.beschikking } : {}), ...(o.overdracht ? { overdracht: o.overdracht } : {}) };
}

describe('the state of a voorziening, read from its deelplannen', () => {
  it('goes aangevraagd, in behandeling, toegekend, beeindigd on one zaak', () => {
    expect(voorzieningenUit([deelplan('Z1', [0])])[0]!.status).toBe('aangevraagd');
    const behandeld = deelplan('Z1', [0], { zaak: { identificatie: 'Z1', statussen: [status('In behandeling', '20270102100000')] } });
    expect(voorzieningenUit([behandeld])[0]!.status).toBe('in behandeling');
    const beschikking = { beschikkingsnummer: 'B1', beschikkingsdatum: fullDate('2027-01-03'), besluiten: [{ product: 0, besluit: 'toegekend' as const }] };
    const toegekend = voorzieningenUit([{ ...behandeld, beschikking }])[0]!;
    expect(toegekend).toMatchObject({ identificatie: 'Z1', status: 'toegekend', beschikking: { beschikkingsnummer: 'B1' }, producten: [{ index: 0, deelplan: 'Z1', status: 'toegekend' }] });
    const gesloten = { ...behandeld, beschikking, zaak: { ...behandeld.zaak, einddatum: fullDate('2027-06-01') } };
    expect(voorzieningenUit([gesloten])[0]!.status).toBe('beeindigd');
  });

  it('shows the zaken of one arrangement as one voorziening, in request order, with one history oldest first', () => {
    const [v, ...rest] = voorzieningenUit([
      deelplan('Z2', [1], { arrangement: 'Z1', zaak: { identificatie: 'Z2', statussen: [status('Besloten', '20270105000000')] } }),
      deelplan('Z1', [0], { arrangement: 'Z1', zaak: { identificatie: 'Z1', statussen: [status('In behandeling', '20270102000000')] } }),
      deelplan('Z9', [0]),
    ]);
    expect(rest).toHaveLength(1);
    expect(v).toMatchObject({ identificatie: 'Z1', deelplannen: ['Z2', 'Z1'], producten: [{ index: 0, deelplan: 'Z1' }, { index: 1, deelplan: 'Z2' }] });
    expect(v!.historie.map((h) => h.deelplan)).toEqual(['Z1', 'Z2']);
  });

  it('is as far as its least advanced open product, and toegekend once all are decided and one was granted', () => {
    const beschikking = { beschikkingsnummer: 'B', beschikkingsdatum: fullDate('2027-01-03'), besluiten: [{ product: 0, besluit: 'afgewezen' as const }, { product: 1, besluit: 'toegekend' as const }] };
    expect(voorzieningenUit([deelplan('Z1', [0, 1, 2], { beschikking })])[0]!.status).toBe('aangevraagd');
    const alle = { ...beschikking, besluiten: [...beschikking.besluiten, { product: 2, besluit: 'afgewezen' as const }] };
    const v = voorzieningenUit([deelplan('Z1', [0, 1, 2], { beschikking: alle })])[0]!;
    expect(v.status).toBe('toegekend');
    expect(v.producten.map((p) => p.status)).toEqual(['afgewezen', 'toegekend', 'afgewezen']);
    const geweigerd = { ...alle, besluiten: alle.besluiten.map((b) => ({ ...b, besluit: 'afgewezen' as const })) };
    expect(voorzieningenUit([deelplan('Z1', [0, 1, 2], { beschikking: geweigerd })])[0]!.status).toBe('afgewezen');
  });

  it('shows the technical feedback on the overdracht: verzonden until answered, a refusal with its melding', () => {
    expect(voorzieningenUit([deelplan('Z1', [0])])[0]!.overdracht).toBe('verzonden');
    const geweigerd = voorzieningenUit([deelplan('Z1', [0], { overdracht: { geaccepteerd: false, melding: 'Onbekende productcode' } })])[0]!;
    expect(geweigerd).toMatchObject({ overdracht: 'geweigerd', status: 'aangevraagd', producten: [{ overdracht: { stand: 'geweigerd', melding: 'Onbekende productcode' } }] });
    // an answer no longer in the log: the backoffice's status shows it accepted
    const behandeld = deelplan('Z1', [0], { zaak: { identificatie: 'Z1', statussen: [status('In behandeling', '20270102100000')] } });
    expect(voorzieningenUit([behandeld])[0]!.overdracht).toBe('geaccepteerd');
    const arrangement = voorzieningenUit([
      deelplan('Z1', [0], { arrangement: 'Z1', overdracht: { geaccepteerd: true } }),
      deelplan('Z2', [1], { arrangement: 'Z1' }),
    ])[0]!;
    expect(arrangement.overdracht).toBe('verzonden');
  });
});
