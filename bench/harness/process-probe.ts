import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { Handlers } from './ipc-server';

/**
 * CPU and memory of the process it runs in, read on request of the suite over IPC. Peak RSS comes from two
 * sources: a 5 ms sampler (misses peaks shorter than that or during a long synchronous block) and the kernel's
 * high-water mark (exact, but never goes down); when the high-water mark rose during the window it is the peak.
 */
export interface Usage {
  /** user + system CPU, microseconds */
  cpuMicros: number;
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

export interface RssWindow {
  startRss: number;
  peakRss: number;
  /** true when the kernel high-water mark established the peak */
  exactPeak: boolean;
}

function usage(): Usage {
  const cpu = process.cpuUsage();
  const m = process.memoryUsage();
  return { cpuMicros: cpu.user + cpu.system, rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

/** A V8 CPU profile of just the measured window (`npm run bench -- --profile`), written as a .cpuprofile file. */
function profilerHandlers(): Handlers {
  let session: Session | undefined;
  return {
    'profile-start': async () => {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
      return true;
    },
    'profile-stop': async (file) => {
      if (!session) throw new Error('profile-start was not called');
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      session = undefined;
      await writeFile(String(file), JSON.stringify(profile));
      return file;
    },
  };
}

export function probeHandlers(): Handlers {
  let sampler: NodeJS.Timeout | undefined;
  let window: { startRss: number; startMax: number; sampledPeak: number } | undefined;
  return {
    ...profilerHandlers(),
    usage: () => usage(),
    gc: () => {
      (globalThis as { gc?: () => void }).gc?.();
      return usage();
    },
    'rss-start': () => {
      clearInterval(sampler);
      const rss = process.memoryUsage.rss();
      window = { startRss: rss, startMax: maxRssBytes(), sampledPeak: rss };
      sampler = setInterval(() => {
        if (window) window.sampledPeak = Math.max(window.sampledPeak, process.memoryUsage.rss());
      }, 5);
      return rss;
    },
    'rss-stop': (): RssWindow => {
      clearInterval(sampler);
      if (!window) throw new Error('rss-start was not called');
      const w = window;
      window = undefined;
      const nowMax = maxRssBytes();
      const sampled = Math.max(w.sampledPeak, process.memoryUsage.rss());
      const exactPeak = nowMax > w.startMax;
      return { startRss: w.startRss, peakRss: exactPeak ? Math.max(nowMax, sampled) : sampled, exactPeak };
    },
  };
}
