/**
 * Chromium only: who kept the page's main thread busy. A CDP CPU profile of the page's renderer
 * (all worlds, so the content script's isolated world too) is cut into runs of consecutive samples
 * whose stack contains extension code; a run longer than 50 ms is a long task of the content script
 * (LoAF does not attribute isolated-world scripts, and longtask entries carry no script at all).
 */
export async function startCpu(cdp, intervalUs = 500) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

/**
 * @returns {Promise<{ runs: number[], extMs: number, totalMs: number }>} durations (ms) of the
 *   content script's busy runs longer than `minMs`, longest first; its total sampled time.
 */
export async function stopCpu(cdp, extPrefix, minMs = 50) {
  const { profile } = await cdp.send('Profiler.stop');
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
  for (let i = 0; i < samples.length; i++) {
    const dt = (deltas[i + 1] ?? 0) / 1000;
    const k = kindOf(samples[i]);
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
  return { runs: runs.sort((a, b) => b - a), worst: worst.top, extMs: Math.round(extMs), totalMs: Math.round((profile.endTime - profile.startTime) / 1000) };
}
