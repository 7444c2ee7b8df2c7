import { once } from 'node:events';
import { isValidBsn } from '../core/domain/bsn';
import { FacadeError } from '../core/domain/errors';
import { otlpRegel } from '../platform/protocol/otlp-export';
import type { ProtocolStore } from '../platform/protocol/protocol-store.port';
import { protocolSleutel, pseudonimiseerder, type ProtocolConfig } from '../platform/protocol/pseudoniem';
import { openProtocolStore } from '../platform/protocol/sql-protocol-store';
import { openStore } from '../platform/store/open-store';
import type { Store } from '../platform/store/store.port';
import { loadStoreSections } from './config/store-sections';

const GEBRUIK = `gebruik: npm run protocol -- <opdracht>
  verifieer            controleert de hashketen van het protocol (exit 0: in orde, 1: verbroken)
  inzage               leest een BSN van stdin en toont elke verwerking die erover ging
  export [--vanaf N]   schrijft de LDV-regels na positie N als OTLP-JSON, één per regel, naar stdout`;

/** Lines fetched per round of the export. */
const EXPORT_PAGINA = 1000;

/**
 * The privacy officer's and operator's commands on the protocol (README "Protocollering"), on the store the
 * server uses (STUF_FACADE_CONFIG's `store` and `protocol`, STUF_FACADE_DATA_DIR). Exit codes: 0 done, 1 the
 * chain is broken, 2 wrong use or configuration.
 */
async function main(args: string[]): Promise<number> {
  const [opdracht, ...rest] = args;
  const doe: Record<string, (o: Omgeving, rest: string[]) => Promise<number>> = { verifieer, inzage, export: exporteer };
  const werk = opdracht === undefined ? undefined : doe[opdracht];
  if (!werk) return fout(GEBRUIK);
  const sections = loadStoreSections();
  const store = await openStore(sections.store);
  try {
    return await werk({ store, protocol: await openProtocolStore(store), config: sections.protocol }, rest);
  } finally {
    await store.close();
  }
}

interface Omgeving {
  store: Store;
  protocol: ProtocolStore;
  config: ProtocolConfig;
}

async function verifieer({ protocol }: Omgeving): Promise<number> {
  const v = await protocol.verifieer();
  if (v.ok) {
    console.log(`Hashketen in orde: ${v.records} records.`);
    return 0;
  }
  console.log(`Hashketen verbroken bij positie ${v.eersteFout.positie}: ${v.eersteFout.reden}. De ${v.records} records ervoor zijn in orde.`);
  return 1;
}

/** The BSN comes from stdin, never from argv: arguments end up in the shell history and in `ps`. */
async function inzage({ store, protocol, config }: Omgeving): Promise<number> {
  const bsn = (await leesStdin()).trim();
  if (!isValidBsn(bsn)) return fout('inzage: geef op stdin een BSN van 9 cijfers dat aan de elfproef voldoet');
  const regels = await protocol.inzage({ dataSubjectId: pseudonimiseerder(await protocolSleutel(store, config))(bsn) });
  if (regels.length === 0) console.log('Geen verwerkingen gevonden.');
  for (const { regel, audit } of regels) {
    const wie = audit ? `applicatie ${audit.applicatie}${audit.gebruiker === undefined ? '' : `, gebruiker ${audit.gebruiker}`}` : 'auditrecord ontbreekt';
    console.log([new Date(regel.startTime).toISOString(), regel.processingActivityId, regel.name, wie, `status ${regel.status}`].join('\t'));
  }
  return 0;
}

async function exporteer({ protocol }: Omgeving, rest: string[]): Promise<number> {
  let vanaf = 0;
  if (rest.length > 0) {
    if (rest.length !== 2 || rest[0] !== '--vanaf' || !/^\d+$/.test(rest[1]!)) return fout(GEBRUIK);
    vanaf = Number(rest[1]);
  }
  for (;;) {
    const regels = await protocol.regels(vanaf, EXPORT_PAGINA);
    for (const { regel } of regels) if (!process.stdout.write(`${otlpRegel(regel)}\n`)) await once(process.stdout, 'drain');
    if (regels.length === 0) break;
    vanaf = regels[regels.length - 1]!.positie;
  }
  // for the next run: `--vanaf` this position exports only what was written since
  console.error(`laatste positie: ${vanaf}`);
  return 0;
}

async function leesStdin(): Promise<string> {
  let tekst = '';
  for await (const deel of process.stdin) tekst += String(deel);
  return tekst;
}

function fout(tekst: string): number {
  console.error(tekst);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e instanceof FacadeError ? `${e.code}: ${e.message}` : `protocol: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
