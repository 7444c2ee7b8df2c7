import { createPrivateKey, X509Certificate } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { isIP, connect as tcpConnect } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate } from 'node:tls';
import type { TlsConfig } from '../../../soap-clients/config/backend-config';
import { fout, goed, type Stap } from './stap';

/** How long a connection attempt may take before the doctor calls the host unreachable. */
const WACHTTIJD_MS = 5_000;

/** A certificate that ends within this many days is reported, though it still passes. */
const BIJNA_VERLOPEN_DAGEN = 30;

const DAG_MS = 24 * 60 * 60 * 1000;

export async function dnsStap(host: string): Promise<Stap> {
  const naam = `DNS ${host}`;
  if (isIP(host)) return goed(naam, `${host} is een IP-adres; geen DNS nodig.`);
  try {
    const adressen = await lookup(host, { all: true });
    return goed(naam, `${host} wijst naar ${adressen.map((a) => a.address).join(', ')}.`);
  } catch (e) {
    return fout(naam, `${host} is niet te vinden in DNS (${(e as NodeJS.ErrnoException).code ?? 'onbekend'}).`, 'Controleer de hostnaam in backends.*.endpoints en de DNS-instellingen van deze machine.');
  }
}

export function tcpStap(host: string, poort: number): Promise<Stap> {
  const naam = `TCP ${host}:${poort}`;
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port: poort, timeout: WACHTTIJD_MS });
    const klaar = (stap: Stap) => {
      socket.destroy();
      resolve(stap);
    };
    socket.once('connect', () => klaar(goed(naam, `Verbinding met ${host}:${poort} gemaakt.`)));
    socket.once('timeout', () => klaar(fout(naam, `Geen antwoord van ${host}:${poort} binnen ${WACHTTIJD_MS / 1000} s.`, 'Een firewall laat de verbinding waarschijnlijk niet door; vraag de netwerkbeheerder de poort open te zetten.')));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      klaar(fout(naam, `${host}:${poort} weigert de verbinding (${e.code ?? e.message}).`, 'Controleer poort en host in backends.*.endpoints en of het zaaksysteem draait.')),
    );
  });
}

const lees = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));

const dagenTot = (datum: string, nu: Date) => Math.floor((new Date(datum).getTime() - nu.getTime()) / DAG_MS);

/**
 * The TLS handshake as the transport makes it (same CA, client certificate and key), and what the server's
 * certificate says: its dates, whether it names the host, and whether it chains to the configured CA (or the
 * system's CAs when none is configured).
 */
export function tlsStap(host: string, poort: number, tls: TlsConfig | undefined, nu = new Date()): Promise<Stap> {
  const naam = `TLS ${host}:${poort}`;
  const servername = isIP(host) ? undefined : host;
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host,
      port: poort,
      servername,
      ca: lees(tls?.caFile),
      cert: lees(tls?.certFile),
      key: lees(tls?.keyFile),
      passphrase: tls?.passphrase,
      // judged below, so that the doctor can say what is wrong instead of only that the handshake failed
      rejectUnauthorized: false,
      timeout: WACHTTIJD_MS,
    });
    const klaar = (stap: Stap) => {
      socket.destroy();
      resolve(stap);
    };
    socket.once('secureConnect', () => {
      const cert = socket.getPeerCertificate();
      klaar(oordeel(naam, host, cert, socket.authorized ? undefined : String(socket.authorizationError), tls?.caFile !== undefined, nu));
    });
    socket.once('timeout', () => klaar(fout(naam, `De TLS-handdruk met ${host}:${poort} duurt langer dan ${WACHTTIJD_MS / 1000} s.`, 'Controleer of dit endpoint https spreekt.')));
    socket.once('error', (e: NodeJS.ErrnoException) =>
      klaar(fout(naam, `De TLS-handdruk met ${host}:${poort} mislukt (${e.code ?? e.message}).`, 'Spreekt het endpoint https? Vraagt de server een clientcertificaat dat niet is ingesteld (backends.*.tls.certFile/keyFile)?')),
    );
  });
}

function oordeel(naam: string, host: string, cert: PeerCertificate, ketenFout: string | undefined, eigenCa: boolean, nu: Date): Stap {
  if (!cert.valid_to) return fout(naam, 'De server stuurt geen certificaat.', 'Vraag de leverancier het servercertificaat in te stellen.');
  if (new Date(cert.valid_from) > nu) return fout(naam, `Het servercertificaat is pas geldig vanaf ${cert.valid_from}.`, 'Controleer de klok van deze machine of vraag de leverancier om een geldig certificaat.');
  const dagen = dagenTot(cert.valid_to, nu);
  if (dagen < 0) return fout(naam, `Het servercertificaat is verlopen op ${cert.valid_to}.`, 'Vraag de leverancier het certificaat te vernieuwen.');
  const naamFout = checkServerIdentity(host, cert);
  if (naamFout) return fout(naam, `Het servercertificaat hoort niet bij ${host}.`, 'Gebruik in backends.*.endpoints de hostnaam die in het certificaat staat, of vraag de leverancier om een passend certificaat.');
  if (ketenFout) {
    const waar = eigenCa ? 'de ingestelde CA (tls.caFile)' : 'de CA’s van dit systeem';
    return fout(naam, `Het servercertificaat is niet ondertekend door ${waar} (${ketenFout}).`, 'Zet het CA-certificaat van de leverancier in backends.*.tls.caFile.');
  }
  const waarschuwing = dagen < BIJNA_VERLOPEN_DAGEN ? ` Let op: het verloopt over ${dagen} dagen.` : '';
  return goed(naam, `Het servercertificaat is geldig tot ${cert.valid_to} en hoort bij ${host}.${waarschuwing}`);
}

/** The client certificate: it and its key can be read, belong together, and are valid now. */
export function clientCertificaatStap(tls: TlsConfig, nu = new Date()): Stap {
  const naam = 'clientcertificaat';
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(readFileSync(tls.certFile!));
  } catch (e) {
    return fout(naam, `${tls.certFile} is geen leesbaar PEM-certificaat (${(e as Error).message}).`, 'Zet in tls.certFile het clientcertificaat in PEM-vorm.');
  }
  try {
    if (!cert.checkPrivateKey(createPrivateKey({ key: readFileSync(tls.keyFile!), passphrase: tls.passphrase }))) {
      return fout(naam, `De sleutel ${tls.keyFile} hoort niet bij het certificaat ${tls.certFile}.`, 'Zet in tls.keyFile de sleutel die bij dit certificaat hoort.');
    }
  } catch (e) {
    return fout(naam, `De sleutel ${tls.keyFile} is niet te lezen (${(e as Error).message}).`, 'Controleer het bestand en tls.passphrase.');
  }
  if (new Date(cert.validFrom) > nu) return fout(naam, `Het clientcertificaat is pas geldig vanaf ${cert.validFrom}.`, 'Controleer de klok van deze machine.');
  const dagen = dagenTot(cert.validTo, nu);
  if (dagen < 0) return fout(naam, `Het clientcertificaat is verlopen op ${cert.validTo}.`, 'Vraag een nieuw PKIoverheid-certificaat aan en zet het in tls.certFile en tls.keyFile.');
  const waarschuwing = dagen < BIJNA_VERLOPEN_DAGEN ? ` Let op: het verloopt over ${dagen} dagen.` : '';
  return goed(naam, `Certificaat en sleutel horen bij elkaar; geldig tot ${cert.validTo}.${waarschuwing}`);
}
