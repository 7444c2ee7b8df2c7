import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Agent, request } from 'undici';
import { SERVICES, type BackendConfig, type TlsConfig } from '../../../soap-clients/config/backend-config';
import { proefLezing, vraagInDialect, type ProefUitkomst } from '../../../soap-clients/doctor/proefvragen';
import { vergelijkWsdl } from '../../../soap-clients/doctor/wsdl-vergelijking';
import { DIALECTS, type Dialect, type Role, type Service } from '../../../soap-clients/stuf/operations';
import { FacadeError } from '../../core/domain/errors';
import { loadConfig } from '../config/load-config';
import { clientCertificaatStap, dnsStap, tcpStap, tlsStap } from './netwerk';
import { fout, goed, overgeslagen, type Stap } from './stap';

const WACHTTIJD_MS = 5_000;

/**
 * Checks a live zaaksysteem (and DMS) step by step, as configured in `configFile` (issue 14 §7): the
 * configuration, then per backend the network (DNS, TCP, TLS, client certificate), each endpoint, the vendor's
 * WSDL, the dialect and one harmless read. Only questions are sent: nothing in the zaaksysteem changes.
 */
export async function onderzoek(configFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Stap[]> {
  let backends;
  try {
    backends = loadConfig({ ...env, ...(configFile === undefined ? {} : { STUF_FACADE_CONFIG: configFile }) }).backends;
  } catch (e) {
    const bericht = e instanceof FacadeError ? e.message : String(e);
    return [fout('configuratie', `De configuratie is niet in orde: ${bericht}`, 'Verbeter de genoemde instellingen (README "Configuration").')];
  }
  if (!backends) {
    return [fout('configuratie', 'Er is geen zaaksysteem ingesteld (backends ontbreekt); de facade zou het ingebouwde zaaksysteem starten.', 'Zet de endpoints, zender en ontvanger van het zaaksysteem in backends.zaak.')];
  }
  const stappen = [goed('configuratie', 'De configuratie is geladen.')];
  stappen.push(...(await backendOnderzoek('zaak', backends.zaak)));
  if (backends.document) stappen.push(...(await backendOnderzoek('document', backends.document)));
  return stappen;
}

const SYSTEEM: Record<Role, string> = { zaak: 'zaaksysteem', document: 'DMS' };

async function backendOnderzoek(role: Role, config: BackendConfig): Promise<Stap[]> {
  const voor = (s: Stap): Stap => ({ ...s, naam: `${SYSTEEM[role]}: ${s.naam}` });
  const stappen = await netwerk(config);
  if (stappen.some((s) => s.uitkomst === 'fout')) {
    return [...stappen, overgeslagen('StUF', 'Endpoints, WSDL, dialect en proefvraag overgeslagen: het netwerk is niet in orde.')].map(voor);
  }
  const agent = new Agent({ connect: { timeout: WACHTTIJD_MS, ...tlsBestanden(config.tls) } });
  try {
    for (const service of SERVICES) stappen.push(await endpointStap(agent, service, config.endpoints[service]));
    for (const service of SERVICES) stappen.push(await wsdlStap(agent, service, config));
  } finally {
    await agent.close();
  }
  stappen.push(await dialectStap(role, config), proefStap(role, await proefLezing(config, role)));
  return stappen.map(voor);
}

/** Each origin once: DNS, then TCP, then for https the handshake; a later check of a failed origin is pointless. */
async function netwerk(config: BackendConfig): Promise<Stap[]> {
  const stappen: Stap[] = [];
  const origins = new Map(SERVICES.map((s) => new URL(config.endpoints[s])).map((u) => [u.origin, u]));
  for (const u of origins.values()) {
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const poort = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
    const dns = await dnsStap(host);
    stappen.push(dns);
    if (dns.uitkomst === 'fout') continue;
    const tcp = await tcpStap(host, poort);
    stappen.push(tcp);
    if (tcp.uitkomst === 'goed' && u.protocol === 'https:') stappen.push(await tlsStap(host, poort, config.tls));
  }
  if (config.tls?.certFile) stappen.push(clientCertificaatStap(config.tls));
  return stappen;
}

function tlsBestanden(tls: TlsConfig | undefined) {
  const lees = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));
  return tls ? { ca: lees(tls.caFile), cert: lees(tls.certFile), key: lees(tls.keyFile), passphrase: tls.passphrase } : {};
}

/** An empty POST: no StUF message, so nothing to process; any answer but 404 (a SOAP fault, too) means the service is there. */
async function endpointStap(agent: Agent, service: Service, url: string): Promise<Stap> {
  const naam = `endpoint ${service}`;
  try {
    const res = await request(url, { method: 'POST', dispatcher: agent, headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' }, body: '', headersTimeout: WACHTTIJD_MS, bodyTimeout: WACHTTIJD_MS });
    await res.body.dump();
    if (res.statusCode === 404) return fout(naam, `${url} bestaat niet (HTTP 404).`, `Controleer het pad in endpoints.${service}: de leverancier noemt het in zijn WSDL (soap:address).`);
    return goed(naam, `${url} antwoordt (HTTP ${res.statusCode}).`);
  } catch (e) {
    return fout(naam, `${url} antwoordt niet (${(e as { code?: string }).code ?? (e as Error).message}).`, 'Controleer of de service draait en of een proxy of firewall ertussen zit.');
  }
}

/** `?wsdl` on the endpoint, as most SOAP stacks publish it; a vendor that publishes none is no failure. */
async function wsdlStap(agent: Agent, service: Service, config: BackendConfig): Promise<Stap> {
  const naam = `WSDL ${service}`;
  const url = `${config.endpoints[service]}?wsdl`;
  let gepubliceerd = false;
  try {
    const res = await request(url, { dispatcher: agent, headersTimeout: WACHTTIJD_MS, bodyTimeout: WACHTTIJD_MS });
    gepubliceerd = res.statusCode === 200 && /definitions/.test(await res.body.text());
    if (!gepubliceerd) await res.body.dump().catch(() => undefined);
  } catch {
    gepubliceerd = false;
  }
  if (!gepubliceerd) return overgeslagen(naam, `${url} geeft geen WSDL; de operaties zijn niet met een WSDL te vergelijken.`);
  try {
    const httpsAgent = new HttpsAgent(tlsBestanden(config.tls));
    const v = await vergelijkWsdl(url, service, config.dialect, { httpsAgent });
    if (v.dialect && v.dialect !== config.dialect) {
      return fout(naam, `De WSDL is van ${v.dialect}, ingesteld is ${config.dialect}.`, `Zet dialect op '${v.dialect}' of gebruik de endpoints van ${config.dialect}.`);
    }
    if (v.ontbrekend.length > 0) {
      return fout(naam, `De WSDL mist de soapAction van: ${v.ontbrekend.join(', ')}.`, 'Vraag de leverancier of deze operaties op een ander endpoint staan of een andere soapAction hebben.');
    }
    return goed(naam, `Alle operaties en soapActions van ${service} staan in de WSDL.`);
  } catch (e) {
    return fout(naam, `De WSDL op ${url} is niet te lezen (${(e as Error).message}).`, 'Vraag de leverancier om een geldige WSDL.');
  }
}

/** Understood = answered, or refused for its stuurgegevens (the message itself was read). */
const verstaan = (u: ProefUitkomst) => u.soort !== 'fout';

async function dialectStap(role: Role, config: BackendConfig): Promise<Stap> {
  const naam = 'dialect';
  const spreekt: Dialect[] = [];
  for (const d of DIALECTS) if (verstaan(await vraagInDialect(config, role, d))) spreekt.push(d);
  if (spreekt.includes(config.dialect)) return goed(naam, `Het ${SYSTEEM[role]} verstaat ${config.dialect}, zoals ingesteld.`);
  if (spreekt.length > 0) {
    return fout(naam, `Het ${SYSTEEM[role]} spreekt ${spreekt.join(' en ')}, ingesteld is ${config.dialect}.`, `Zet backends.${role}.dialect op '${spreekt[0]}'.`);
  }
  return fout(naam, `Het ${SYSTEEM[role]} verstaat een vraag in ZDS 1.1 noch in ZDS 1.2.`, 'Controleer of de endpoints naar de StUF-ZKN-services van het zaaksysteem wijzen.');
}

/** StUF 03.01 Tabel 4.1: what an operator does about a refusal of the stuurgegevens. */
const ADVIES: Record<string, string> = {
  StUF010: 'ontvanger: zet in backends.*.ontvanger de organisatie, applicatie en administratie waarmee het zaaksysteem zich kent',
  StUF013: 'zender: laat de beheerder van het zaaksysteem de facade (backends.*.zender) als afzender aanmelden',
  StUF052: 'autorisatie: laat de beheerder van het zaaksysteem de facade als zender autoriseren',
};

function proefStap(role: Role, u: ProefUitkomst): Stap {
  const naam = 'proefvraag';
  if (u.soort === 'geaccepteerd') return goed(naam, `Het ${SYSTEEM[role]} beantwoordt een leesvraag met de ingestelde stuurgegevens.`);
  const f = u.fout;
  const wat = f ? `${f.berichtcode} ${f.code}${f.omschrijving ? ` (${f.omschrijving})` : ''}` : u.soort === 'fout' ? u.code : '';
  if (u.soort === 'stuurgegevens') return fout(naam, `Het ${SYSTEEM[role]} weigert de stuurgegevens: ${wat}.`, `Controleer de ${ADVIES[u.fout.code] ?? 'stuurgegevens'}.`);
  return fout(naam, `Het ${SYSTEEM[role]} beantwoordt de leesvraag met een fout: ${wat}.`, 'Lees de foutcode na in StUF 03.01 Tabel 4.1 en vraag de leverancier wat het zaaksysteem verwacht.');
}
