import { createHash, randomUUID } from 'node:crypto';
import { ERROR_CODES, FacadeError, type ErrorCode, type InvalidParam } from '../../core/domain/errors';
import type { RequestContext } from '../../core/domain/request-context';
import { ZAAK_VELDEN, type ZaakVeld } from '../../core/domain/zaak';
import type { RequestUseCases, UseCases } from '../../core/usecases/use-cases';
import { lopendeOpdracht } from '../idempotency/lopende-opdracht';
import type { LeesPorts } from '../uitkomst/vaststelling';
import type { Entry, Journaal, Stap } from './journaal';
import { contextNaarJson, inhoudIn, naarJson, spoolAlles, uitJson } from './journaal-json';
import type { Runs } from './journaal-ports';
import type { Spool } from './spool';
import { Run } from './stappen';

type UseCase = Exclude<keyof RequestUseCases, 'config'>;

/**
 * How an entry of each mutation is resumed (null: a read, not journalled). `herhaal`: the use case runs again
 * with the same arguments and the journal answers the writes it already made (stappen.ts): the creates and
 * voegDocumentToe, whose later steps depend on what earlier ones reserved. For a mutation of one write a second
 * run would read the state its own write made and judge by that (a zaak closed by itself is "already closed"), so
 * once that write is settled as applied the answer is the zaak read by its identificatie (argument `zaak`, scope
 * `velden`), or the write's own recorded answer (`stapresultaat`: a checkout's id).
 */
type Hervatting = 'herhaal' | 'stapresultaat' | { zaak: number; velden: number };

const HERVATTING: Readonly<Record<UseCase, Hervatting | null>> = {
  zaak: null,
  versie: null,
  zaakMetSoort: null,
  gezinsplan: null,
  levensdomeinplan: null,
  deelplan: null,
  gezinsplannenVoorClient: null,
  heeftGezinsplan: null,
  indexStand: null,
  levensdomeinplannenVan: null,
  deelplannenVan: null,
  statussen: null,
  documenten: null,
  documentInhoud: null,
  createGezinsplan: 'herhaal',
  createLevensdomeinplan: 'herhaal',
  createDeelplan: 'herhaal',
  voegDocumentToe: 'herhaal',
  koppelZaakAanGezinsplan: { zaak: 0, velden: 3 },
  wijzigPlan: { zaak: 1, velden: 3 },
  zetStatus: { zaak: 0, velden: 2 },
  overdragenDeelplan: { zaak: 0, velden: 2 },
  sluitZaak: { zaak: 0, velden: 2 },
  checkoutDocument: 'stapresultaat',
  updateDocument: 'stapresultaat',
  cancelCheckout: 'stapresultaat',
  voorziening: null,
  voorzieningenVanGezinsplan: null,
  voorzieningenVanClient: null,
  // several writes, each later one built on what an earlier one reserved: run again, the journal answers those made
  vraagVoorzieningAan: 'herhaal',
  beantwoordVerzoekOmToewijzing: 'herhaal',
};

export interface MutatiesDeps {
  journaal: Journaal;
  spool: Spool;
  /** the ports below the journal, for the reads that settle a step in doubt */
  lezen: LeesPorts;
  runs: Runs;
}

interface BewaardeFout {
  code: ErrorCode;
  message: string;
  invalidParams?: InvalidParam[];
}

const foutNaarJson = (f: FacadeError): string => JSON.stringify({ code: f.code, message: f.publicMessage, ...(f.invalidParams ? { invalidParams: f.invalidParams } : {}) } satisfies BewaardeFout);
const foutUitJson = (tekst: string | null): FacadeError => {
  const f = JSON.parse(tekst ?? '{"code":"INTERNAL","message":"Interne fout"}') as BewaardeFout;
  return new FacadeError(f.code, f.message, { invalidParams: f.invalidParams });
};

/** When a released entry is tried again: 5 s, doubling per attempt, at most an hour. */
const wachtNa = (pogingen: number): number => Math.min(5_000 * 2 ** pogingen, 3_600_000);

/**
 * The mutations through the step journal (issue 12 §3): each call spools its document content, writes its entry
 * before the first SOAP call, runs with every write a step (journaal-ports.ts), and ends the entry with what the
 * caller hears. A call under the caller's Idempotency-Key joins the key's entry when there is one: its result or
 * final error again, IDEMPOTENCY_IN_PROGRESS while another process still runs it, or else it resumes it here.
 *
 * What the caller hears, and what becomes of the entry: success (`klaar`); a final error (`mislukt`); a retryable
 * error before anything was written (`wacht`: it changed nothing, only a repeat of its key resumes it, with the
 * identificatie it reserved); a retryable error after a write (released `bezig`, answered APPLIED_INCOMPLETE: the
 * resume worker completes it); OUTCOME_UNKNOWN (`onbekend`: the worker settles it later).
 */
export class Mutaties {
  constructor(
    private readonly deps: MutatiesDeps,
    private readonly inner: UseCases,
  ) {}

  async voerUit(ctx: RequestContext, soort: UseCase, args: unknown[]): Promise<unknown> {
    const { journaal, spool } = this.deps;
    const applicatie = ctx.identiteit?.applicatie ?? '';
    const opdracht = lopendeOpdracht.getStore();
    const sleutel = opdracht && opdracht.applicatie === applicatie ? opdracht.sleutel : null;
    const gespoold = await spoolAlles(args, spool);
    const argumenten = naarJson(gespoold);
    const vingerafdruk = createHash('sha256').update(`${soort}\n${argumenten}`).digest('base64url');
    const nieuw = { id: randomUUID(), applicatie, sleutel, soort, vingerafdruk, argumenten, context: contextNaarJson(ctx), inhoud: inhoudIn(gespoold) };
    let bestaand: Entry | undefined;
    try {
      bestaand = await journaal.begin(nieuw);
    } catch (e) {
      throw new FacadeError('JOURNAL_UNAVAILABLE', ERROR_CODES.JOURNAL_UNAVAILABLE.title, { cause: e, internal: 'journal entry not written: nothing sent' });
    }
    if (!bestaand) return this.draai(ctx, { ...nieuw, pogingen: 0 }, gespoold, new Map());
    if (bestaand.vingerafdruk !== vingerafdruk) throw new FacadeError('IDEMPOTENCY_KEY_REUSED', 'Deze Idempotency-Key is al gebruikt voor een ander verzoek');
    if (bestaand.toestand === 'klaar') return bestaand.resultaat === null ? undefined : uitJson(bestaand.resultaat, spool);
    if (bestaand.toestand === 'mislukt') throw foutUitJson(bestaand.fout);
    if (journaal.levend(bestaand) || !(await journaal.neemOver(bestaand.id))) {
      throw new FacadeError('IDEMPOTENCY_IN_PROGRESS', 'Het eerste verzoek met deze Idempotency-Key is nog bezig; probeer het straks opnieuw');
    }
    return this.hervat(ctx, bestaand);
  }

  /** Resumes an entry this process has just taken over (neemOver), under `ctx`. */
  async hervat(ctx: RequestContext, e: Pick<Entry, 'id' | 'soort' | 'argumenten' | 'pogingen'>): Promise<unknown> {
    const { journaal, spool } = this.deps;
    const args = uitJson<unknown[]>(e.argumenten, spool);
    const stappen = new Map((await journaal.stappen(e.id)).map((s) => [s.volgnummer, s]));
    for (const sha of inhoudIn(args)) {
      if (await spool.bestaat(sha)) continue;
      const fout = new FacadeError('OUTCOME_UNKNOWN', ERROR_CODES.OUTCOME_UNKNOWN.title, { internal: `journal ${e.id}: spooled content ${sha} is gone` });
      await journaal.sluit(e.id, 'onbekend', { fout: foutNaarJson(fout), hervatNa: Date.now() + wachtNa(e.pogingen) });
      throw fout;
    }
    return this.draai(ctx, e, args, stappen);
  }

  private async draai(ctx: RequestContext, e: Pick<Entry, 'id' | 'soort' | 'pogingen'>, args: unknown[], stappen: Map<number, Stap>): Promise<unknown> {
    const { journaal, spool, lezen, runs } = this.deps;
    const run = new Run(e.id, stappen, journaal, spool, lezen);
    runs.set(ctx, run);
    try {
      const resultaat = await this.werk(ctx, e.soort as UseCase, args, run);
      await journaal.sluit(e.id, 'klaar', resultaat === undefined ? {} : { resultaat: naarJson(resultaat) });
      return resultaat;
    } catch (fout) {
      throw await this.na(e, run, FacadeError.from(fout));
    } finally {
      runs.delete(ctx);
    }
  }

  private async werk(ctx: RequestContext, soort: UseCase, args: unknown[], run: Run): Promise<unknown> {
    const uc = this.inner.forRequest(ctx);
    const h = HERVATTING[soort];
    if (h !== 'herhaal' && h !== null) {
      const toegepast = await run.laatsteToegepast(ctx);
      if (toegepast && h === 'stapresultaat') return toegepast.resultaat === null ? undefined : uitJson(toegepast.resultaat, this.deps.spool);
      if (toegepast && h !== 'stapresultaat') return uc.zaak(args[h.zaak] as string, (args[h.velden] as readonly ZaakVeld[] | undefined) ?? ZAAK_VELDEN);
    }
    return (uc[soort] as (...a: unknown[]) => Promise<unknown>).apply(uc, args);
  }

  /** Ends the run after `fout` as the class describes; answers the error the caller hears. */
  private async na(e: Pick<Entry, 'id' | 'pogingen'>, run: Run, fout: FacadeError): Promise<FacadeError> {
    const { journaal } = this.deps;
    const hervatNa = Date.now() + wachtNa(e.pogingen);
    try {
      if (fout.code === 'OUTCOME_UNKNOWN') {
        await journaal.sluit(e.id, 'onbekend', { fout: foutNaarJson(fout), hervatNa });
      } else if ((fout.retryable || fout.code === 'APPLIED_INCOMPLETE') && run.heeftGeschreven) {
        await journaal.sluit(e.id, 'bezig', { hervatNa });
        if (fout.code !== 'APPLIED_INCOMPLETE') return new FacadeError('APPLIED_INCOMPLETE', ERROR_CODES.APPLIED_INCOMPLETE.title, { cause: fout, internal: `journal ${e.id}: ${fout.code} after a change` });
      } else if (fout.retryable) {
        await journaal.sluit(e.id, 'wacht', { fout: foutNaarJson(fout) });
      } else {
        await journaal.sluit(e.id, 'mislukt', { fout: foutNaarJson(fout) });
      }
    } catch {
      // the entry stays held until its lease passes; the worker then resumes it
    }
    return fout;
  }
}

/**
 * The driving port through the journal: every mutation of OPERATIE's table that HERVATTING names runs as
 * `Mutaties.voerUit`; reads pass through. Wiring: inside authorisation (a refused call writes no entry), outside
 * honest outcomes' use-case decorator (the journal sees its APPLIED_INCOMPLETE).
 */
export function journaalUseCases(useCases: UseCases, deps: MutatiesDeps): { useCases: UseCases; mutaties: Mutaties } {
  const mutaties = new Mutaties(deps, useCases);
  const forRequest = (ctx: RequestContext): RequestUseCases => {
    const uc = useCases.forRequest(ctx);
    const vervangen = Object.entries(HERVATTING)
      .filter(([, h]) => h !== null)
      .map(([naam]) => [naam, (...args: unknown[]) => mutaties.voerUit(ctx, naam as UseCase, args)] as const);
    return { ...uc, ...(Object.fromEntries(vervangen) as Partial<RequestUseCases>) };
  };
  return { useCases: { config: useCases.config, forRequest }, mutaties };
}
