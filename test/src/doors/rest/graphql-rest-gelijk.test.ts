import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../../app/app-harness';
import { deelplanInvoer, gezinsplanInvoer, REGISSEUR } from './rest-fixtures';

/**
 * GraphQL and REST are two doors onto the same use cases: for the same gezinsplan they must tell the same
 * story. The REST representation is brought into the GraphQL shape here (explicit noValue -> null plus a
 * geenWaarde entry, the initiator as regisseur, belanghebbenden flattened) and compared as a whole.
 */
type Json = Record<string, any>;

const REDEN: Record<string, string> = {
  geenWaarde: 'GEEN_WAARDE',
  waardeOnbekend: 'WAARDE_ONBEKEND',
  vastgesteldOnbekend: 'VASTGESTELD_ONBEKEND',
  nietOndersteund: 'NIET_ONDERSTEUND',
  nietGeautoriseerd: 'NIET_GEAUTORISEERD',
};

/** Scalars of a REST object as GraphQL gives them: `{ noValue }` becomes null and a geenWaarde entry. */
function alsGraphql(o: Json, velden: string[], extra: Json = {}): Json {
  const out: Json = { ...extra, geenWaarde: [] };
  for (const v of velden) {
    const w = o[v];
    if (w && typeof w === 'object' && 'noValue' in w) {
      out[v] = null;
      out.geenWaarde.push({ veld: v, reden: w.noValue === null ? 'ONBEKENDE_REDEN' : REDEN[w.noValue] });
    } else out[v] = w ?? null;
  }
  out.geenWaarde.sort((a: Json, b: Json) => a.veld.localeCompare(b.veld));
  return out;
}

const PERSOON = ['bsn', 'geslachtsnaam', 'voorvoegselGeslachtsnaam', 'voorletters', 'voornamen', 'geboortedatum'];
const MEDEWERKER = ['identificatie', 'achternaam', 'voorletters'];
const ZAAK = ['identificatie', 'omschrijving', 'toelichting', 'startdatum', 'registratiedatum', 'einddatumGepland', 'uiterlijkeEinddatum', 'einddatum'];
const DOCUMENT = ['identificatie', 'titel', 'auteur', 'documenttype', 'creatiedatum', 'taal', 'formaat', 'bestandsnaam', 'contentType', 'vertrouwelijkAanduiding', 'versie', 'status', 'beschrijving'];

const geenWaardeSel = 'geenWaarde { veld reden }';
const QUERY = `query($id: String!) { gezinsplan(identificatie: $id) {
  ${ZAAK.join(' ')} open ${geenWaardeSel}
  zaaktype { code omschrijving } resultaat { omschrijving toelichting }
  regisseur { ${MEDEWERKER.join(' ')} ${geenWaardeSel} }
  clients { ${PERSOON.join(' ')} ${geenWaardeSel} }
  belanghebbenden { ${PERSOON.join(' ')} omschrijving ${geenWaardeSel} }
  uitvoerenden { omschrijving medewerker { ${MEDEWERKER.join(' ')} ${geenWaardeSel} } vestiging { vestigingsNummer handelsnaam ${geenWaardeSel} } }
  statussen { statustype { code omschrijving volgnummer } datumStatusGezet toelichting indicatieLaatsteStatus gezetDoor { identificatie } }
  documenten { ${DOCUMENT.join(' ')} ${geenWaardeSel} }
  deelplannen { identificatie } levensdomeinplannen { identificatie }
} }`;

const byKey = (k: string) => (a: Json, b: Json) => String(a[k]).localeCompare(String(b[k]));

function restAlsGraphql(zaak: Json, statussen: Json[], documenten: Json[], deelplannen: Json[], ldps: Json[]): Json {
  return {
    ...alsGraphql(zaak, ZAAK),
    open: zaak.einddatum === undefined || 'noValue' in Object(zaak.einddatum),
    zaaktype: zaak.zaaktype ?? null,
    resultaat: zaak.resultaat && !('noValue' in zaak.resultaat) ? { toelichting: null, ...zaak.resultaat } : null,
    regisseur: zaak.initiator?.soort === 'medewerker' ? alsGraphql(zaak.initiator.medewerker, MEDEWERKER) : null,
    clients: zaak.clients.map((p: Json) => alsGraphql(p, PERSOON)).sort(byKey('bsn')),
    belanghebbenden: zaak.belanghebbenden
      .map((b: Json) => alsGraphql(b.persoon, PERSOON, { omschrijving: b.omschrijving ?? null }))
      .sort(byKey('bsn')),
    uitvoerenden: zaak.uitvoerenden.map((u: Json) => ({
      omschrijving: u.omschrijving ?? null,
      medewerker: u.soort === 'medewerker' ? alsGraphql(u.medewerker, MEDEWERKER) : null,
      vestiging: u.soort === 'vestiging' ? alsGraphql(u.vestiging, ['vestigingsNummer', 'handelsnaam']) : null,
    })),
    statussen: statussen.map((s) => ({
      statustype: { omschrijving: null, volgnummer: null, ...s.statustype },
      datumStatusGezet: s.datumStatusGezet,
      toelichting: s.toelichting ?? null,
      indicatieLaatsteStatus: s.indicatieLaatsteStatus ?? null,
      gezetDoor: s.gezetDoor ? { identificatie: s.gezetDoor.identificatie } : null,
    })),
    documenten: documenten.map((d) => alsGraphql(d, DOCUMENT)),
    deelplannen: deelplannen.map((z) => ({ identificatie: z.identificatie })).sort(byKey('identificatie')),
    levensdomeinplannen: ldps.map((z) => ({ identificatie: z.identificatie })),
  };
}

describe('GraphQL and REST on the same gezinsplan', () => {
  let h: AppHarness;
  let id: string;
  beforeAll(async () => {
    h = await startAppHarness({ demo: false });
    const created = await h.app.inject({ method: 'POST', url: '/api/v1/gezinsplannen', payload: gezinsplanInvoer() });
    id = created.json().identificatie;
    // An explicit "no value" (toelichting cleared), a status, a document, a levensdomeinplan and a deelplan.
    await h.app.inject({ method: 'PATCH', url: `/api/v1/gezinsplannen/${id}`, payload: { toelichting: null } });
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/zaken/${id}/statussen`,
      payload: { statustypeCode: 'INTAKE', statustypeOmschrijving: 'Intake', statustypeVolgnummer: '1', toelichting: 'Gestart', gezetDoor: REGISSEUR },
    });
    const ldp = await h.app.inject({
      method: 'POST',
      url: `/api/v1/gezinsplannen/${id}/levensdomeinplannen`,
      payload: gezinsplanInvoer('Financien'),
    });
    await h.app.inject({ method: 'POST', url: `/api/v1/gezinsplannen/${id}/deelplannen`, payload: deelplanInvoer(ldp.json().identificatie) });
    const boundary = 'b0undary';
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/zaken/${id}/documenten`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload:
        `--${boundary}\r\nContent-Disposition: form-data; name="titel"\r\n\r\nVerslag\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="documenttype"\r\n\r\nVerslag\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="auteur"\r\n\r\nP. Jansen\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="inhoud"; filename="verslag.txt"\r\nContent-Type: text/plain\r\n\r\nverslag\r\n` +
        `--${boundary}--\r\n`,
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives the same data through both APIs', async () => {
    const gql = await h.gql<{ gezinsplan: Json }>(QUERY, { id });
    expect(gql.errors).toBeUndefined();
    const get = async (url: string) => (await h.app.inject({ method: 'GET', url })).json();
    const rest = restAlsGraphql(
      await get(`/api/v1/gezinsplannen/${id}`),
      (await get(`/api/v1/zaken/${id}/statussen`)).results,
      (await get(`/api/v1/zaken/${id}/documenten`)).results,
      (await get(`/api/v1/gezinsplannen/${id}/deelplannen`)).results,
      (await get(`/api/v1/gezinsplannen/${id}/levensdomeinplannen`)).results,
    );
    const g = gql.data!.gezinsplan;
    const sorted = {
      ...g,
      clients: [...g.clients].sort(byKey('bsn')),
      belanghebbenden: [...g.belanghebbenden].sort(byKey('bsn')),
      deelplannen: [...g.deelplannen].sort(byKey('identificatie')),
      geenWaarde: [...g.geenWaarde].sort(byKey('veld')),
    };
    // the comparison means something only if the interesting parts are there
    expect(rest.geenWaarde).toEqual([{ veld: 'toelichting', reden: 'GEEN_WAARDE' }]);
    expect([rest.statussen.length, rest.documenten.length, rest.deelplannen.length, rest.levensdomeinplannen.length]).toEqual([1, 1, 1, 1]);
    expect(rest).toEqual(sorted);
  });
});
