import { onderzoek } from './doctor';
import { regel } from './stap';

const GEBRUIK = `gebruik: npm run doctor -- [--config facade.json] [--json]
  controleert stap voor stap of het ingestelde zaaksysteem (en DMS) bereikbaar is en de facade verstaat;
  zonder --config de configuratie van STUF_FACADE_CONFIG. Exit 0: alles in orde, 1: een stap faalt, 2: verkeerd gebruik.`;

/** `npm run doctor`: the operator's check of a live zaaksysteem (README "Een zaaksysteem aansluiten: de doctor"). */
async function main(args: string[]): Promise<number> {
  let config: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--json') json = true;
    else if (args[i] === '--config' && args[i + 1] !== undefined) config = args[++i];
    else {
      console.error(GEBRUIK);
      return 2;
    }
  }
  const stappen = await onderzoek(config);
  const geslaagd = stappen.every((s) => s.uitkomst !== 'fout');
  if (json) console.log(JSON.stringify({ geslaagd, stappen }, null, 2));
  else {
    for (const s of stappen) console.log(regel(s));
    console.log(geslaagd ? '\nAlles in orde.' : `\n${stappen.filter((s) => s.uitkomst === 'fout').length} stap(pen) niet in orde.`);
  }
  return geslaagd ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`doctor: ${(e as Error).message}`);
    process.exitCode = 2;
  },
);
