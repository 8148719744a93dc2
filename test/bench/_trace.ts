/**
 * Where the time of one article load goes (issue #8): a Chromium trace (CDP Tracing on the page's
 * session, which records every process) of one load, cut at the bench's two marks (document idle
 * and the first entity highlight), split into
 *  - content script: the page's main-thread tasks in which the extension's scripts ran (thread
 *    CPU time, `tdur`), including the layout and style they forced;
 *  - rendering: main-thread frame work (style, layout, paint of the page, our highlights included);
 *  - probe: the bench's own highlight poll (main world, setTimeout(0));
 *  - background: the extension service worker thread's tasks (thread CPU time);
 *  - waiting: the part of the window in which neither the page's main thread nor the worker ran
 *    anything (wall time outside the union of their tasks) — frame waits, timers, IPC hops,
 *    browser-process routing, storage.
 * Nothing is added to the extension for this; the trace is read from outside.
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

/**
 * Categories enough to see top-level tasks, script runs (with their URLs), frames and threads.
 * BENCH_TRACE_COMPILE=1 adds V8's compile events (lazy function compiles, code-cache use), to
 * tell a script's first-run compile cost from its running time.
 */
const CATEGORIES = [
  'toplevel', 'devtools.timeline', ...(process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : []),
  ...(process.env.BENCH_TRACE_COMPILE ? ['disabled-by-default-v8.compile'] : []),
  'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'v8', '__metadata',
].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' } as never);
}

export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<{ stream?: string }>((resolve) => cdp.once('Tracing.tracingComplete' as never, resolve as never));
  await cdp.send('Tracing.end');
  const { stream } = await done;
  if (!stream) return [];
  let text = '';
  for (;;) {
    const chunk = (await cdp.send('IO.read', { handle: stream } as never)) as { data: string; eof: boolean; base64Encoded?: boolean };
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream } as never);
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface LoadSplit {
  /** Window length: document idle → first highlight (ms). */
  window: number;
  contentScript: number;
  rendering: number;
  probe: number;
  other: number;
  background: number;
  waiting: number;
  /** Number of main-thread tasks in which the content script ran, and the longest of them (wall ms). */
  tasks: number;
  longestTask: number;
  /** The same longest task's thread CPU time (ms): wall time on a loaded machine includes waiting for a core. */
  longestTaskCpu: number;
}

const TOP = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';
/** Script the content script runs without naming its URL in the trace (see splitLoad). */
const OURS = /^(RunMicrotasks|RunYieldContinuation|FireIdleCallback|EvaluateScript|v8\.callFunction|v8\.evaluateModule|v8\.compileModule)$/;
const FRAME = /^(BeginMainThreadFrame|UpdateLifecycle|Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|Commit|ScheduleStyleRecalculation|HitTest|Animation Frame Fired|BeginFrame|ParseHTML|ParseAuthorStyleSheet|ProxyMain::BeginMainFrame.*)$/;

/**
 * Split one traced load: the window runs from document idle (the later of the probe's `bench:dcl`
 * and `bench:load` stamps, as the bench's own row) to its `bench:hl` stamp (first highlight).
 */
/** A thread's complete ('X') events in time order, outer before inner. `thread` is `${pid}:${tid}`. */
export function threadSpans(events: TraceEvent[], thread: string): TraceEvent[] {
  return events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

/**
 * The thread's top-level tasks among `spans` (threadSpans): the scheduler's RunTask events and
 * Blink's microtask checkpoints not nested inside another, for the timeline tools' task listings.
 */
export function topLevelTasks(spans: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of spans) {
    if (e.ts < end) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask' && e.name !== 'BlinkScheduler_PerformMicrotaskCheckpoint') continue;
    end = e.ts + e.dur!;
    out.push(e);
  }
  return out;
}

export function splitLoad(events: TraceEvent[], extOrigin: string): LoadSplit | null {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const isExt = (e: TraceEvent): boolean => {
    const d = e.args?.data;
    const url = d?.url ?? d?.scriptName ?? d?.stackTrace?.[0]?.url ?? '';
    return typeof url === 'string' && url.startsWith(extOrigin);
  };
  const stamps = new Map<string, TraceEvent>();
  for (const e of events) {
    const m = (e.args?.data as { message?: string } | undefined)?.message;
    if (e.name === 'TimeStamp' && typeof m === 'string' && m.startsWith('bench:')) stamps.set(m.slice(6), e);
  }
  const dcl = stamps.get('dcl'), load = stamps.get('load'), hl = stamps.get('hl');
  if (!dcl || !hl) return null;
  // The page's main thread: where the probe stamped.
  const page = `${hl.pid}:${hl.tid}`;
  const from = load && load.ts < hl.ts ? Math.max(dcl.ts, load.ts) : dcl.ts, to = hl.ts;
  const worker = new Set([...threadName].filter(([, n]) => /ServiceWorker/i.test(n)).map(([k]) => k));

  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' && e.ph !== 'B' && e.ph !== 'E') continue;
    const k = `${e.pid}:${e.tid}`;
    if (k !== page && !worker.has(k)) continue;
    let list = byThread.get(k);
    if (!list) byThread.set(k, (list = []));
    list.push(e);
  }
  const split: LoadSplit = { window: (to - from) / 1000, contentScript: 0, rendering: 0, probe: 0, other: 0, background: 0, waiting: 0, tasks: 0, longestTask: 0, longestTaskCpu: 0 };
  const busy: [number, number][] = [];
  const clip = (s: number, e: number): [number, number] => [Math.max(s, from), Math.min(e, to)];
  for (const [k, list] of byThread) {
    const complete = list.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // Top level: scheduler tasks, and the microtask checkpoints Blink runs after them (siblings).
    const tops: TraceEvent[] = [];
    let topEnd = -Infinity;
    for (const e of complete) {
      if (e.ts < topEnd) continue;
      if (TOP.has(e.name) || e.name === CHECKPOINT) { tops.push(e); topEnd = e.ts + (e.dur ?? 0); }
    }
    let j = 0;
    for (const task of tops) {
      const end = task.ts + (task.dur ?? 0);
      if (end <= from || task.ts >= to) continue;
      const [cs, ce] = clip(task.ts, end);
      busy.push([cs, ce]);
      // Share of the task inside the window, in thread time.
      const cpu = ((task.tdur ?? task.dur ?? 0) / 1000) * ((ce - cs) / Math.max(1, task.dur ?? 1));
      if (worker.has(k)) { split.background += cpu; continue; }
      while (j < complete.length && complete[j]!.ts < task.ts) j++;
      let ext = false, ours = false, frame = false, script = false;
      for (let i = j; i < complete.length && complete[i]!.ts < end; i++) {
        const e = complete[i]!;
        if (e === task) continue;
        // The bench pages run no script of their own but the probe's timer: promise continuations,
        // scheduler.yield continuations, idle callbacks and extension-messaging callbacks (IPC
        // tasks that run script) are the content script's.
        if (isExt(e)) ext = true;
        else if (e.name === 'TimerFire') script = true;
        else if (OURS.test(e.name)) ours = true;
        if (FRAME.test(e.name)) frame = true;
      }
      // A timer task running no extension script is the probe's poll (our own timers are rare).
      if (ext || (ours && !script)) {
        split.contentScript += cpu;
        split.tasks++;
        if ((task.dur ?? 0) / 1000 > split.longestTask) {
          split.longestTask = (task.dur ?? 0) / 1000;
          split.longestTaskCpu = (task.tdur ?? task.dur ?? 0) / 1000;
        }
      } else if (frame) split.rendering += cpu;
      else if (script) split.probe += cpu;
      else split.other += cpu;
    }
  }
  busy.sort((a, b) => a[0] - b[0]);
  let covered = 0, curS = -Infinity, curE = -Infinity;
  for (const [s, e] of busy) {
    if (s > curE) { if (curE > curS) covered += curE - curS; curS = s; curE = e; }
    else curE = Math.max(curE, e);
  }
  if (curE > curS) covered += curE - curS;
  split.waiting = Math.max(0, (to - from - covered) / 1000);
  return split;
}

/** The article reader's import in a trace, on a window's clock (ms from `from`, trace µs). */
export interface ReaderImport {
  /** The page asks for the reader (its per-session dynamic URL in Chrome). */
  request: number;
  /** Chrome's internal redirect from the dynamic URL (use_dynamic_url) to the extension's own. */
  redirect?: number;
  response?: number;
  /** The parse on a background thread (the whole file compiles there: lib/build/compile-hint-plugin.ts). */
  parseStart?: number;
  parseMs?: number;
  /** The module's compile on the page's thread, after the background parse. */
  compiled?: number;
}

/** Where the reader's import spends its time (test/bench/_timeline.ts prints it per load); null: no request. */
export function readerImport(events: TraceEvent[], from: number, file = '/article-reader.js'): ReaderImport | null {
  const data = (e: TraceEvent) => (e.args?.data ?? {}) as { url?: string; requestId?: string };
  const isReader = (e: TraceEvent): boolean => (data(e).url ?? '').endsWith(file);
  const sends = events.filter((e) => e.name === 'ResourceSendRequest' && isReader(e)).sort((a, b) => a.ts - b.ts);
  if (!sends.length) return null;
  const id = data(sends[0]!).requestId;
  const ofRequest = (name: string) => events.find((e) => e.name === name && data(e).requestId === id);
  const at = (e: TraceEvent | undefined): number | undefined => (e ? (e.ts - from) / 1000 : undefined);
  const parse = ofRequest('v8.parseOnBackground');
  const redirect = sends.find((e, i) => i > 0 && data(e).requestId === id);
  return {
    request: at(sends[0])!,
    redirect: at(redirect),
    response: at(ofRequest('ResourceReceiveResponse')),
    parseStart: at(parse),
    parseMs: parse?.dur === undefined ? undefined : parse.dur / 1000,
    compiled: at(events.find((e) => e.name === 'v8.compileModule' && isReader(e))),
  };
}
