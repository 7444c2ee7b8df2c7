import type { Identiteit, Operatie, Verwerking } from '../../core/domain/identiteit';
import type { RequestContext } from '../../core/domain/request-context';
import { reviveNoValue } from '../../core/domain/stuf-json';
import { FacadeError } from '../../core/domain/errors';
import type { GespooldeInhoud, Spool } from './spool';

interface InhoudVerwijzing {
  $spool: string;
  bestandsnaam: string;
  contentType: string;
  grootte: number;
}

const isInhoud = (v: unknown): v is { body: unknown; bestandsnaam: string } =>
  typeof v === 'object' && v !== null && 'body' in v && typeof (v as { bestandsnaam?: unknown }).bestandsnaam === 'string';

/**
 * Arguments and results as the journal keeps them: JSON, NoValue as `{"noValue": …}`, document content as a
 * reference to its spooled file. Content that was not spooled cannot be kept: that is a wiring error, not input.
 */
export function naarJson(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (!isInhoud(x)) return x;
    const g = x as GespooldeInhoud;
    if (typeof g.sha256 !== 'string') throw new FacadeError('INTERNAL', 'Interne fout', { internal: 'document content reached the journal without being spooled' });
    return { $spool: g.sha256, bestandsnaam: x.bestandsnaam, contentType: g.contentType, grootte: g.grootte } satisfies InhoudVerwijzing;
  });
}

export function uitJson<T>(text: string, spool: Spool): T {
  return JSON.parse(text, (k, v: unknown) => {
    if (typeof v === 'object' && v !== null && typeof (v as InhoudVerwijzing).$spool === 'string') {
      const r = v as InhoudVerwijzing;
      return spool.inhoud(r.$spool, r.bestandsnaam, r.contentType, r.grootte);
    }
    return reviveNoValue(k, v);
  }) as T;
}

/** Every SHA-256 of spooled content the arguments refer to. */
export function inhoudIn(v: unknown, uit: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => inhoudIn(x, uit));
  else if (isInhoud(v)) uit.push((v as GespooldeInhoud).sha256);
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => inhoudIn(x, uit));
  return uit;
}

/**
 * Replaces every document content in `v` by its spooled copy (content already spooled stays as it is), reading each to its end before anything else happens,
 * one after the other: the files of a multipart request arrive in its order, and can only be read in it.
 */
export async function spoolAlles<T>(v: T, spool: Spool): Promise<T> {
  if (Array.isArray(v)) {
    const uit: unknown[] = [];
    for (const x of v) uit.push(await spoolAlles(x, spool));
    return uit as T;
  }
  if (isInhoud(v)) return (typeof (v as Partial<GespooldeInhoud>).sha256 === 'string' ? v : await spool.bewaar(v as never)) as T;
  if (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype) {
    const uit: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) uit[k] = await spoolAlles(x, spool);
    return uit as T;
  }
  return v;
}

interface BewaardeContext {
  requestId: string;
  gebruiker?: string;
  identiteit?: Omit<Identiteit, 'rechten'> & { rechten: { operaties: Operatie[]; zaaktypen: string[] | 'alle'; maxVertrouwelijkheid: Identiteit['rechten']['maxVertrouwelijkheid'] } };
  verwerking?: Omit<Verwerking, 'operaties'> & { operaties: Operatie[] };
  trace?: RequestContext['trace'];
}

/** Who asked and why, as a resumed entry acts again: without the request's deadline and signal, which died with it. */
export function contextNaarJson(ctx: RequestContext): string {
  const { requestId, gebruiker, identiteit, verwerking, trace } = ctx;
  const bewaard: BewaardeContext = {
    requestId,
    ...(gebruiker !== undefined ? { gebruiker } : {}),
    ...(identiteit
      ? {
          identiteit: {
            ...identiteit,
            rechten: { ...identiteit.rechten, operaties: [...identiteit.rechten.operaties], zaaktypen: identiteit.rechten.zaaktypen === 'alle' ? 'alle' : [...identiteit.rechten.zaaktypen] },
          },
        }
      : {}),
    ...(verwerking ? { verwerking: { ...verwerking, operaties: [...verwerking.operaties] } } : {}),
    ...(trace ? { trace } : {}),
  };
  return JSON.stringify(bewaard);
}

export function contextUitJson(text: string): RequestContext {
  const b = JSON.parse(text) as BewaardeContext;
  const { identiteit, verwerking, ...rest } = b;
  return {
    ...rest,
    ...(identiteit
      ? { identiteit: { ...identiteit, rechten: { ...identiteit.rechten, operaties: new Set(identiteit.rechten.operaties), zaaktypen: identiteit.rechten.zaaktypen === 'alle' ? 'alle' : new Set(identiteit.rechten.zaaktypen) } } }
      : {}),
    ...(verwerking ? { verwerking: { ...verwerking, operaties: new Set(verwerking.operaties) } } : {}),
  };
}
