import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../src/app/config/app-config';
import { parseConfig } from '../../../../src/app/config/load-config';
import { FacadeError } from '../../../../src/core/domain/errors';

const problemen = (webhooks: unknown): string[] => {
  try {
    parseConfig({ mode: 'development', webhooks }, 'development');
    return [];
  } catch (e) {
    return (e as FacadeError).invalidParams?.map((p) => p.name) ?? [];
  }
};

describe('config webhooks', () => {
  it('defaults: about 24 h of retries, https only in production, http to loopback in development', () => {
    const prod = defaultConfig('production').webhooks;
    expect(prod).toMatchObject({ herhaalPeriodeMs: 86_400_000, httpLoopback: false, hosts: [], basisUrl: 'http://127.0.0.1:3000' });
    expect(parseConfig({}, 'development').webhooks.httpLoopback).toBe(true);
  });

  it('takes the file and refuses what cannot work, with its path', () => {
    const w = parseConfig({ webhooks: { herhaalPeriodeMs: 60_000, hosts: ['Ontvanger.example.nl'], basisUrl: 'https://facade.example.nl/' } }, 'development').webhooks;
    expect(w).toMatchObject({ herhaalPeriodeMs: 60_000, hosts: ['ontvanger.example.nl'], basisUrl: 'https://facade.example.nl' });
    expect(problemen({ leaseMs: 5_000, timeoutMs: 5_000 })).toEqual(['config.webhooks.leaseMs']);
    expect(problemen({ backoffBasisMs: 10, backoffMaxMs: 5 })).toEqual(['config.webhooks.backoffBasisMs']);
    expect(problemen({ hosts: 'x' })).toEqual(['config.webhooks.hosts']);
    expect(problemen({ basisUrl: 'https://u:p@facade.example.nl' })).toEqual(['config.webhooks.basisUrl']);
    expect(problemen({ onbekend: 1 })).toEqual(['config.webhooks.onbekend']);
  });
});
