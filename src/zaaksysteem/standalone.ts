import { startEmbeddedZaaksysteem } from './embedded';
import { validateFaultConfig } from './provider/fault-injection';

/**
 * `npm run zaaksysteem`: the embedded zaaksysteem on its own, as a StUF-ZKN test double.
 * ZAAKSYSTEEM_PORT (default 8081), ZAAKSYSTEEM_HOST (default 127.0.0.1), ZAAKSYSTEEM_DATA_DIR
 * (default ./data/zaaksysteem), ZAAKSYSTEEM_FAULTS (JSON FaultConfig), ZAAKSYSTEEM_DEMO=false to skip demo data,
 * ZAAKSYSTEEM_MAX_BODY_BYTES.
 */
const env = process.env;
const port = Number(env.ZAAKSYSTEEM_PORT ?? 8081);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('ZAAKSYSTEEM_PORT must be a port number');
const maxBody = env.ZAAKSYSTEEM_MAX_BODY_BYTES ? Number(env.ZAAKSYSTEEM_MAX_BODY_BYTES) : undefined;

const zs = await startEmbeddedZaaksysteem({
  port,
  host: env.ZAAKSYSTEEM_HOST ?? '127.0.0.1',
  dataDir: env.ZAAKSYSTEEM_DATA_DIR,
  maxBodyBytes: maxBody,
  faults: env.ZAAKSYSTEEM_FAULTS ? validateFaultConfig(JSON.parse(env.ZAAKSYSTEEM_FAULTS)) : undefined,
  demo: env.ZAAKSYSTEEM_DEMO !== 'false',
});

// one line a supervising process (or a test) can read the address from
process.stdout.write(`${JSON.stringify({ zaaksysteem: zs.url, endpoints: zs.endpoints })}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void zs.close().then(() => process.exit(0));
  });
}
