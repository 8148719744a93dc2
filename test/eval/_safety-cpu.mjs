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
    byThread.get(key).push({ ts: e.ts, dur: e.dur, tdur: typeof e.tdur === 'number' ? e.tdur : null });
  }
  if (process.env.SAFETY_TRACE_DEBUG) {
    const names = new Map();
    for (const e of st.events) names.set(`${e.ph} ${e.name}`, (names.get(`${e.ph} ${e.name}`) ?? 0) + 1);
    console.error('trace:', st.events.length, 'events;', st.events.filter((e) => typeof e.tdur === 'number').length, 'with thread time; mains', [...mains], 'tasks', [...byThread].map(([k, l]) => `${k}:${l.length}`), [...names].sort((a, b) => b[1] - a[1]).slice(0, 12));
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
      if (f.url.startsWith(extPrefix)) return `${f.functionName || '(anon)'}@${f.url.slice(extPrefix.length).replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
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
  /** SAFETY_TASK_DEBUG: every sample, to print the timeline of the longest task. */
  const allAt = [];
  /** The profiled thread's idle samples: a task containing them ran on another thread. */
  const idleAt = [];
  let ts = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    ts += deltas[i] ?? 0;
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const k = kindOf(samples[i]);
    if (k === 'ext') extAt.push([ts, dt * 1000, samples[i]]);
    else if (byId.get(samples[i]).callFrame.functionName === '(idle)') idleAt.push([ts, dt * 1000]);
    if (process.env.SAFETY_TASK_DEBUG) allAt.push([ts, dt * 1000, samples[i], k]);
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
  const found = threads ? longExtTasks(threads, extAt, idleAt, minMs, extLeaf) : null;
  const long = found?.long ?? null;
  if (process.env.SAFETY_TASK_DEBUG && long?.length) {
    // The longest task as runs of samples: "offset ms +duration ms  leaf (extension leaf)".
    const t = long[0];
    const lines = [];
    let prev = null;
    for (const [at, us, id, k] of allAt) {
      if (at < t.ts || at > t.ts + t.dur) continue;
      const f = byId.get(id).callFrame;
      const label = `${k} ${f.functionName || '(anon)'}@${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}${k === 'ext' ? ` [${extLeaf(id)}]` : ''}`;
      if (prev && prev.label === label) prev.us += us;
      else lines.push((prev = { at: at - t.ts, us, label }));
    }
    console.error(`longest task ${t.ms} ms (cpu ${t.cpuMs}):\n` + lines.filter((l) => l.us >= 1000).map((l) => `  ${(l.at / 1000).toFixed(1)} +${(l.us / 1000).toFixed(1)}  ${l.label}`).join('\n'));
  }
  return { cpuMax: found?.cpuMax ?? null, tasks: long && long.map((t) => t.ms), taskCpu: long && long.map((t) => t.cpuMs), taskTop: long?.[0]?.top.map(([f, us]) => `${f} ${Math.round(us / 1000)} ms`) ?? [], runs: runs.sort((a, b) => b - a), worst: worst.top, extMs: Math.round(extMs), totalMs: Math.round((profile.endTime - profile.startTime) / 1000) };
}

/**
 * The page's long tasks that were mostly ours. The profiled renderer is the thread whose tasks
 * hold the most extension samples (the trace covers every process).
 */
function longExtTasks(threads, extAt, idleAt, minMs, extLeafOf) {
  let best = null;
  let bestScore = -Infinity;
  const perThread = new Map();
  /** Sample time of `at` (sorted [ts, µs]) inside task t; a sample counts up to the task's end (under load one sample can stand for a long gap). */
  const inside = (at, t, from) => {
    let j = from;
    while (j < at.length && at[j][0] < t.ts) j++;
    let sum = 0;
    for (let k = j; k < at.length && at[k][0] <= t.ts + t.dur; k++) sum += Math.min(at[k][1], t.ts + t.dur - at[k][0]);
    return [sum, j];
  };
  for (const [key, tasks] of threads) {
    let je = 0;
    let ji = 0;
    let score = 0;
    const extIn = tasks.map((t) => {
      const [ext, e2] = inside(extAt, t, je);
      const [idle, i2] = inside(idleAt, t, ji);
      je = e2;
      ji = i2;
      // The profiled thread was idle inside this task: the task ran on another renderer. Long
      // tasks of other renderers (another site's process, waiting) would otherwise claim our
      // samples and merge our many short tasks into one "long" one.
      // A task's own thread CPU time bounds the extension samples it can explain: a long, mostly
      // waiting task of another renderer spanning many of our short tasks explains few.
      score += Math.min(ext, t.tdur ?? ext) - 4 * idle;
      return ext;
    });
    perThread.set(key, extIn);
    if (score > bestScore) {
      bestScore = score;
      best = key;
    }
  }
  if (best === null) return { long: [], cpuMax: null };
  const tasks = threads.get(best);
  const extIn = perThread.get(best);
  const out = [];
  // where a task went: extension leaf frames inside it
  const topOf = (t) => {
    const tally = new Map();
    for (const [at, us, id] of extAt) if (at >= t.ts && at <= t.ts + t.dur) tally.set(extLeafOf(id), (tally.get(extLeafOf(id)) ?? 0) + Math.min(us, t.ts + t.dur - at));
    return [...tally].sort((a, b) => b[1] - a[1]).slice(0, 6);
  };
  /** Our task with the most thread CPU time, whatever its wall time (what a quiet machine would see). */
  let cpuMax = null;
  tasks.forEach((t, i) => {
    if (!(extIn[i] * 2 >= t.dur)) return;
    if (t.tdur !== null && t.dur >= 1000 && (!cpuMax || t.tdur > cpuMax.tdur)) cpuMax = t;
    if (!(t.dur > minMs * 1000)) return;
    out.push({ ts: t.ts, dur: t.dur, ms: Math.round(t.dur / 1000), cpuMs: t.tdur === null ? null : Math.round(t.tdur / 1000), top: topOf(t) });
  });
  return {
    long: out.sort((a, b) => b.ms - a.ms),
    cpuMax: cpuMax && { cpuMs: Math.round(cpuMax.tdur / 1000), ms: Math.round(cpuMax.dur / 1000), top: topOf(cpuMax).slice(0, 4).map(([f, us]) => `${f} ${Math.round(us / 1000)} ms`) },
  };
}
