/**
 * Chromium only: who kept the page's main thread busy. A CDP CPU profile of the page's renderer
 * (all worlds, so the content script's isolated world too) says WHAT ran (samples whose stack
 * contains extension code are the content script's; LoAF does not attribute isolated-world
 * scripts, and longtask entries carry no script at all). A trace of the renderer's top-level
 * tasks (`toplevel` RunTask events) says WHERE one task ends: a long task of the content script
 * is a task over 50 ms at least half of whose samples are extension code.
 *
 * Without task boundaries, back-to-back slices of work that yield to an idle page look like one
 * run of samples; `runs` (consecutive extension samples) is still reported, as an upper bound.
 */
export async function startCpu(cdp, intervalUs = 500) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  let traced = true;
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReturnAsStream' }).catch(() => (traced = false));
  traceState.set(cdp, { traced });
}

const traceState = new WeakMap();

/** Top-level tasks of every renderer main thread in the trace: Map "pid:tid" → [{ ts, dur }] (µs), outermost only. */
async function stopTrace(cdp) {
  if (!traceState.get(cdp)?.traced) return null;
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end').catch(() => {});
  const complete = await Promise.race([done, new Promise((r) => setTimeout(() => r(null), 60_000))]);
  if (!complete?.stream) return null;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: complete.stream, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: complete.stream }).catch(() => {});
  const parsed = JSON.parse(text);
  const st = { events: Array.isArray(parsed) ? parsed : parsed.traceEvents ?? [] };
  const mains = new Set();
  for (const e of st.events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  const byThread = new Map();
  for (const e of st.events) {
    if (e.ph !== 'X' || typeof e.dur !== 'number' || !/RunTask$/.test(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push({ ts: e.ts, dur: e.dur });
  }
  if (process.env.SAFETY_TRACE_DEBUG) {
    const names = new Map();
    for (const e of st.events) names.set(`${e.ph} ${e.name}`, (names.get(`${e.ph} ${e.name}`) ?? 0) + 1);
    console.error('trace:', st.events.length, 'events; mains', [...mains], 'tasks', [...byThread].map(([k, l]) => `${k}:${l.length}`), [...names].sort((a, b) => b[1] - a[1]).slice(0, 12));
  }
  for (const [key, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const outer = [];
    for (const t of list) if (!outer.length || t.ts >= outer[outer.length - 1].ts + outer[outer.length - 1].dur) outer.push(t);
    byThread.set(key, outer);
  }
  return byThread;
}

/**
 * @returns {Promise<{ tasks: number[] | null, runs: number[], extMs: number, totalMs: number }>}
 *   `tasks`: durations (ms) of the page's tasks over `minMs` that were mostly content-script code,
 *   longest first (null when no trace could be taken); `runs`: the content script's busy runs of
 *   consecutive samples over `minMs` (upper bound); its total sampled time.
 */
export async function stopCpu(cdp, extPrefix, minMs = 50) {
  const { profile } = await cdp.send('Profiler.stop');
  const threads = await stopTrace(cdp).catch(() => null);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kind = new Map(); // id → 'ext' | 'neutral' | 'other'
  const kindOf = (id) => {
    if (kind.has(id)) return kind.get(id);
    const n = byId.get(id);
    const name = n.callFrame.functionName;
    let k;
    if (n.callFrame.url.startsWith(extPrefix)) k = 'ext';
    else if (parent.has(id)) {
      const pk = kindOf(parent.get(id));
      k = pk === 'ext' ? 'ext' : name === '(garbage collector)' ? 'neutral' : 'other';
    } else k = 'other';
    if (k === 'other' && name === '(garbage collector)') k = 'neutral';
    kind.set(id, k);
    return k;
  };
  // the leaf-most extension frame of a sample (what the content script was doing)
  const extLeaf = (id) => {
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur).callFrame;
      if (f.url.startsWith(extPrefix)) return `${f.functionName || '(anon)'}@${f.lineNumber + 1}:${f.columnNumber + 1}`;
    }
    return '?';
  };
  const runs = [];
  let run = 0;
  let tally = new Map();
  let worst = { ms: 0, top: [] };
  let extMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  /** Extension samples as [timestamp µs, duration µs], for the task attribution. */
  const extAt = [];
  let ts = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    ts += deltas[i] ?? 0;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const k = kindOf(samples[i]);
    if (k === 'ext') extAt.push([ts, dt * 1000, samples[i]]);
    if (k === 'ext') {
      run += dt;
      extMs += dt;
      const leaf = extLeaf(samples[i]);
      tally.set(leaf, (tally.get(leaf) ?? 0) + dt);
    } else if (k === 'neutral' && run > 0) run += dt;
    else {
      end();
    }
  }
  end();
  function end() {
    if (run > minMs) runs.push(Math.round(run));
    if (run > worst.ms) worst = { ms: run, top: [...tally].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([f, ms]) => `${f} ${Math.round(ms)} ms`) };
    run = 0;
    tally = new Map();
  }
  await cdp.send('Profiler.disable').catch(() => {});
  const long = threads ? longExtTasks(threads, extAt, minMs, extLeaf) : null;
  return { tasks: long && long.map((t) => t.ms), taskTop: long?.[0]?.top.map(([f, us]) => `${f} ${Math.round(us / 1000)} ms`) ?? [], runs: runs.sort((a, b) => b - a), worst: worst.top, extMs: Math.round(extMs), totalMs: Math.round((profile.endTime - profile.startTime) / 1000) };
}

/**
 * The page's long tasks that were mostly ours. The profiled renderer is the thread whose tasks
 * hold the most extension samples (the trace covers every process).
 */
function longExtTasks(threads, extAt, minMs, extLeafOf) {
  let best = null;
  let bestExt = -1;
  const perThread = new Map();
  for (const [key, tasks] of threads) {
    let j = 0;
    let inTasks = 0;
    const extIn = tasks.map((t) => {
      while (j < extAt.length && extAt[j][0] < t.ts) j++;
      let sum = 0;
      // a sample counts up to the task's end (under load one sample can stand for a long gap)
      for (let k = j; k < extAt.length && extAt[k][0] <= t.ts + t.dur; k++) sum += Math.min(extAt[k][1], t.ts + t.dur - extAt[k][0]);
      inTasks += sum;
      return sum;
    });
    perThread.set(key, extIn);
    if (inTasks > bestExt) {
      bestExt = inTasks;
      best = key;
    }
  }
  if (best === null) return [];
  const tasks = threads.get(best);
  const extIn = perThread.get(best);
  const out = [];
  tasks.forEach((t, i) => {
    if (!(t.dur > minMs * 1000 && extIn[i] * 2 >= t.dur)) return;
    // where the task went: extension leaf frames inside it
    const tally = new Map();
    for (const [at, us, id] of extAt) if (at >= t.ts && at <= t.ts + t.dur) tally.set(extLeafOf(id), (tally.get(extLeafOf(id)) ?? 0) + Math.min(us, t.ts + t.dur - at));
    out.push({ ms: Math.round(t.dur / 1000), top: [...tally].sort((a, b) => b[1] - a[1]).slice(0, 6) });
  });
  return out.sort((a, b) => b.ms - a.ms);
}
