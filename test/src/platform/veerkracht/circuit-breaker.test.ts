import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stufPorts, type FacadePorts } from '../../../../src/app/app-ports';
import { parseBackendsConfig } from '../../../../soap-clients/config/backend-config';
import { RecordingTransport } from '../../../../soap-clients/transport/recording-transport';
import { createZdsBackends } from '../../../../soap-clients/zds-backends';
import { FacadeError } from '../../../../src/core/domain/errors';
import { systemContext } from '../../../../src/core/domain/request-context';
import { backendBreakers, breakerPorts } from '../../../../src/platform/veerkracht/breaker-ports';
import { BreakerOpen, CircuitBreaker } from '../../../../src/platform/veerkracht/circuit-breaker';
import { startEmbeddedZaaksysteem, type EmbeddedZaaksysteem } from '../../../../src/zaaksysteem/embedded';

function logboek() {
  const regels: { niveau: string; obj: Record<string, unknown>; msg: string }[] = [];
  const regel = (niveau: string) => (obj: object, msg: string) => regels.push({ niveau, obj: obj as Record<string, unknown>, msg });
  return { regels, log: { warn: regel('warn'), info: regel('info') } };
}

const ctx = systemContext('breaker-test');
const GZP = '9999-GZP-0001';

describe('the circuit breaker over the StUF adapters (embedded zaaksysteem over HTTP, every SOAP call recorded)', () => {
  let dataDir: string;
  let zaaksysteem: EmbeddedZaaksysteem;
  let ports: FacadePorts;
  let zaakRecording: RecordingTransport;
  let documentRecording: RecordingTransport;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'breaker-'));
    zaaksysteem = await startEmbeddedZaaksysteem({ dataDir, demo: true });
    const backends = createZdsBackends(
      parseBackendsConfig({
        zaak: { dialect: 'zds-1.2', endpoints: zaaksysteem.endpoints['zds-1.2'], zender: { organisatie: '9999', applicatie: 'REGIE' }, ontvanger: { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' } },
      }),
    );
    zaakRecording = new RecordingTransport(backends.zaak.transport, 'zds-1.2');
    documentRecording = new RecordingTransport(backends.document.transport, 'zds-1.2');
    ports = stufPorts({ zaak: { ...backends.zaak, transport: zaakRecording }, document: { ...backends.document, transport: documentRecording }, close: () => backends.close() });
  });
  afterEach(() => zaaksysteem.admin.faults.clear());
  afterAll(async () => {
    await ports.close();
    await zaaksysteem.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens after N consecutive failures: no SOAP is sent while open; half-opens after the cool-down with one probe, closes on its success', async () => {
    let klok = 0;
    const { regels, log } = logboek();
    const beschermd = breakerPorts(ports, backendBreakers({ failureThreshold: 3, coolDownMs: 5_000 }, log, () => klok));
    // the socket is destroyed before any answer: BACKEND_UNAVAILABLE, three times in a row
    zaaksysteem.admin.faults.set({ resetFraction: 1 });
    for (let i = 0; i < 3; i++) await expect(beschermd.zaken.geefZaak(ctx, GZP, [])).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(zaakRecording.count).toBe(3);
    // open: reads, writes and the overdracht of the zaak role fail fast, and nothing goes out
    await expect(beschermd.zaken.geefZaak(ctx, GZP, [])).rejects.toBeInstanceOf(BreakerOpen);
    await expect(beschermd.zaken.genereerZaakIdentificatie(ctx)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    await expect(beschermd.overdracht.overdragenZaak(ctx, { identificatie: GZP, zaaktype: { code: 'WMO', omschrijving: 'Wmo' }, ontvanger: 'WMO' })).rejects.toBeInstanceOf(BreakerOpen);
    expect(zaakRecording.count).toBe(3);
    // the DMS has a breaker of its own: still closed
    zaaksysteem.admin.faults.clear();
    await expect(beschermd.documenten.geefLijstZaakdocumenten(ctx, GZP)).resolves.not.toHaveLength(0);
    expect(documentRecording.count).toBe(1);

    klok += 4_999;
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.toBeInstanceOf(BreakerOpen);
    expect(zaakRecording.count).toBe(3);
    // after the cool-down one probe goes through; while it runs, other calls still fail fast
    klok += 1;
    zaaksysteem.admin.faults.set({ latencyMs: 100 });
    const probe = beschermd.zaken.geefZaak(ctx, GZP, ['omschrijving']);
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.toBeInstanceOf(BreakerOpen);
    await expect(probe).resolves.toMatchObject({ identificatie: GZP });
    expect(zaakRecording.count).toBe(4);
    // closed again: everything goes through
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).resolves.not.toHaveLength(0);
    expect(zaakRecording.count).toBe(5);
    expect(regels.map((r) => [r.niveau, r.msg, r.obj.backend, r.obj.van, r.obj.naar])).toEqual([
      ['warn', 'stroomonderbreker open', 'zaak', 'gesloten', 'open'],
      ['info', 'stroomonderbreker half open', 'zaak', 'open', 'halfopen'],
      ['info', 'stroomonderbreker gesloten', 'zaak', 'halfopen', 'gesloten'],
    ]);
  });

  it('a probe that fails opens it for another cool-down; an answer that is a fault proves the backend is there', async () => {
    let klok = 0;
    const { regels, log } = logboek();
    const beschermd = breakerPorts(ports, backendBreakers({ failureThreshold: 2, coolDownMs: 1_000 }, log, () => klok));
    const voor = zaakRecording.count;
    zaaksysteem.admin.faults.set({ html500Fraction: 1 });
    for (let i = 0; i < 2; i++) await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    klok += 1_000;
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.not.toBeInstanceOf(BreakerOpen);
    expect(zaakRecording.count - voor).toBe(3);
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.toBeInstanceOf(BreakerOpen);
    expect(zaakRecording.count - voor).toBe(3);
    // a StUF Fo02 is an answer: the probe closes the breaker
    klok += 1_000;
    zaaksysteem.admin.faults.set({ fo02Fraction: 1 });
    await expect(beschermd.zaken.geefStatussen(ctx, GZP)).rejects.toMatchObject({ code: 'BACKEND_FAULT' });
    expect(regels.map((r) => r.obj.naar)).toEqual(['open', 'halfopen', 'open', 'halfopen', 'gesloten']);
  });
});

describe('CircuitBreaker', () => {
  const uit = new FacadeError('BACKEND_UNAVAILABLE', 'uit');
  const faalt = () => Promise.reject(uit);

  it('counts only consecutive failures: a success in between starts again', async () => {
    const b = new CircuitBreaker('zaak', { failureThreshold: 2, coolDownMs: 10 }, logboek().log, () => 0);
    await expect(b.run(faalt)).rejects.toBe(uit);
    await b.run(async () => 'ok');
    await expect(b.run(faalt)).rejects.toBe(uit);
    expect(b.state).toBe('gesloten');
    await expect(b.run(faalt)).rejects.toBe(uit);
    expect(b.state).toBe('open');
  });

  it('a caller gone during the probe says nothing about the backend: the next call probes', async () => {
    let klok = 0;
    const b = new CircuitBreaker('document', { failureThreshold: 1, coolDownMs: 10 }, logboek().log, () => klok);
    await expect(b.run(faalt)).rejects.toBe(uit);
    klok = 10;
    await expect(b.run(() => Promise.reject(new FacadeError('CANCELLED', 'weg')))).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(b.state).toBe('halfopen');
    await expect(b.run(async () => 1)).resolves.toBe(1);
    expect(b.state).toBe('gesloten');
  });

  it('failureThreshold 0 is off', async () => {
    const b = new CircuitBreaker('zaak', { failureThreshold: 0, coolDownMs: 0 }, logboek().log);
    for (let i = 0; i < 5; i++) await expect(b.run(faalt)).rejects.toBe(uit);
    await expect(b.run(async () => 'ok')).resolves.toBe('ok');
    expect(b.state).toBe('gesloten');
  });
});
