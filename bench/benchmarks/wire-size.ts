import { ZAAK_VELDEN } from '../../src/core/domain/zaak';
import { DEMO_BSN } from '../../src/zaaksysteem/demo/demo-data';
import { el, toXml } from '../../soap-clients/xml/xml-writer';
import { scopeElement } from '../../soap-clients/zaak/scope';
import { NotAvailable, type Benchmark } from '../harness/benchmark';
import { HEEFT_GEZINSPLAN, graphqlBody } from '../harness/graphql-queries';
import { call, captureSoap, JSON_HEADERS, soapReplay } from '../harness/http';
import { FacadeProcess, ZaaksysteemProcess } from '../harness/participants';
import { round } from '../harness/stats';

const SCOPE = /<ZKN:scope\b[\s\S]*?<\/ZKN:scope>/;
const ANTWOORD = /<(?:\w+:)?antwoord\b[\s\S]*<\/(?:\w+:)?antwoord>/;

/** The same zakLv01 with another scope: everything else (selection, maximumAantal, stuurgegevens) unchanged. */
const SCOPES: { name: string; scope: string }[] = [
  { name: 'every zaak field the facade maps (explicit scope)', scope: toXml(scopeElement([...ZAAK_VELDEN])) },
  {
    name: 'StUF:scope="alles"',
    scope: toXml(el('ZKN:scope', undefined, [el('ZKN:object', { 'StUF:entiteittype': 'ZAK', 'StUF:scope': 'alles' })])),
  },
];

/**
 * 4. How much smaller the zakLa01 answers to the dashboard question are with the scope the facade derives from
 * the query, than with a full scope, on the demo data.
 */
export const wireSize: Benchmark = {
  id: 'wire-size',
  title: '4. Wire size: zakLa01 answers for the dashboard query, derived scope vs full scope',
  timeoutMs: () => 120_000,
  async run(_options, log) {
    const bsns = [DEMO_BSN.annaJansen, DEMO_BSN.bramJansen, DEMO_BSN.moElAmrani, DEMO_BSN.sannePetersen];
    const zs = await ZaaksysteemProcess.start();
    let facade: FacadeProcess | undefined;
    try {
      facade = await FacadeProcess.start(zs);
      const url = `${facade.url}/graphql`;
      const authorization = facade.authorization('dashboard');
      const { result, requests } = await captureSoap(zs, () =>
        call(url, { method: 'POST', headers: { ...JSON_HEADERS, authorization }, body: graphqlBody(HEEFT_GEZINSPLAN, { bsns }) }),
      );
      if (result.status !== 200 || !result.text.includes('heeftGezinsplan')) throw new Error(`heeftGezinsplan: HTTP ${result.status} ${result.text.slice(0, 200)}`);
      const questions = requests.filter((r) => SCOPE.test(r.body));
      if (questions.length === 0) throw new NotAvailable('the facade sent no zakLv01 with a scope for the dashboard query');
      log(`${questions.length} zakLv01 captured for ${bsns.length} BSNs`);

      const answerBytes = async (body: string, r: (typeof questions)[number]) => {
        const replay = soapReplay(zs, r);
        const res = await call(replay.url, { method: 'POST', headers: replay.headers, body });
        if (res.status !== 200 || /Fault>/.test(res.text)) throw new Error(`zaaksysteem refused the ${r.soapAction} variant: ${res.text.slice(0, 300)}`);
        return { total: Buffer.byteLength(res.text, 'utf8'), objects: Buffer.byteLength(ANTWOORD.exec(res.text)?.[0] ?? '', 'utf8') };
      };
      const sum = (xs: { total: number; objects: number }[]) => ({
        total: xs.reduce((a, b) => a + b.total, 0),
        objects: xs.reduce((a, b) => a + b.objects, 0),
      });
      const derived = await Promise.all(questions.map((q) => answerBytes(q.body, q)));
      const d = sum(derived);
      const derivedScope = SCOPE.exec(questions[0]!.body)![0];
      const rows: (string | number)[][] = [['derived from the query (as sent by the facade)', d.total, '100%', d.objects, '100%']];
      const full: Record<string, { total: number; objects: number }[]> = {};
      for (const s of SCOPES) {
        full[s.name] = await Promise.all(questions.map((q) => answerBytes(q.body.replace(SCOPE, s.scope), q)));
        const f = sum(full[s.name]!);
        rows.push([s.name, f.total, `${round((f.total / d.total) * 100, 0)}%`, f.objects, `${round((f.objects / d.objects) * 100, 0)}%`]);
      }
      const explicit = sum(full[SCOPES[0]!.name]!);
      const ratio = d.total / explicit.total;
      const objectRatio = d.objects / explicit.objects;
      return {
        inputs: { bsns: bsns.length, zakLv01: questions.length, data: 'demo data (seeded)', backendLatencyMs: 0, derivedScope: derivedScope.replace(/\s+xmlns:\w+="[^"]*"/g, '') },
        tables: [{ columns: ['scope', 'answer bytes (whole SOAP body)', 'vs derived', 'zaak object bytes (ZKN:antwoord)', 'vs derived'], rows }],
        targets: [
          { name: 'derived / full, whole answers', target: '<= 10%', measured: `${round(ratio * 100, 1)}%`, met: ratio <= 0.1 },
          { name: 'derived / full, zaak objects only', target: '<= 10%', measured: `${round(objectRatio * 100, 1)}%`, met: objectRatio <= 0.1 },
        ],
        notes: [
          'Each zakLv01 the facade sent for heeftGezinsplan over the demo clients is replayed with only its scope replaced; the bytes are the answer bodies as the zaaksysteem sends them.',
          `Of the derived answers, ${d.total - d.objects} of ${d.total} bytes are SOAP envelope, stuurgegevens and parameters: a fixed cost per message that no scope can remove.`,
        ],
        data: { derived, full, derivedScope },
      };
    } finally {
      await Promise.all([facade?.stop(), zs.stop()]);
    }
  },
};
