/**
 * Page-side probes for the safety sweep (test/eval/safety.ts) and the hostile E2E
 * (test/e2e/hostile.test.mjs). Installed as init scripts, i.e. before any page script and long
 * before the document_idle content script, in the page's main world.
 *
 * window.__sf = {
 *   mut:  DOM mutations after DOMContentLoaded, each { t, sig, ours } — `ours` when the record
 *         touches a <backstory-card> or a [data-backstory-mention] node (the extension's only
 *         sanctioned DOM); `sig` is a timing-free signature used to compare against a run
 *         without the extension,
 *   long: longtask entries (Chromium) { start, dur },
 *   loaf: long-animation-frame script entries (Chromium) { src, fn, inv, dur, start },
 *   gaps: event-loop stalls > 50 ms seen by a 20 ms heartbeat (both browsers) { start, dur },
 *   dcl:  performance.now() at DOMContentLoaded,
 * }
 */
export function installProbe() {
  const w = /** @type {any} */ (window);
  if (w.__sf) return;
  const sf = (w.__sf = { mut: [], mutCount: 0, long: [], loaf: [], gaps: [], dcl: -1, heartbeat: true });
  const describe = (n) => {
    if (!n) return '?';
    if (n.nodeType === 1) {
      const cls = typeof n.className === 'string' && n.className ? '.' + n.className.trim().split(/\s+/)[0] : '';
      return `<${n.localName}${n.id ? '#' + n.id : ''}${cls}>`;
    }
    return n.nodeName;
  };
  const isOurs = (n) => {
    try {
      if (!n) return false;
      const el = n.nodeType === 1 ? n : n.parentElement;
      if (!el) return false;
      return el.localName === 'backstory-card' || !!el.closest?.('backstory-card, [data-backstory-mention]') || el.hasAttribute?.('data-backstory-mention');
    } catch {
      return false;
    }
  };
  const start = () => {
    sf.dcl = performance.now();
    new MutationObserver((records) => {
      for (const r of records) {
        sf.mutCount++;
        if (sf.mut.length >= 400) continue;
        const ours = isOurs(r.target) || [...r.addedNodes, ...r.removedNodes].some(isOurs);
        const sig =
          `${r.type} ${describe(r.target)}${r.attributeName ? ' @' + r.attributeName : ''}` +
          (r.addedNodes.length ? ` +${[...r.addedNodes].map(describe).join(',')}` : '') +
          (r.removedNodes.length ? ` -${[...r.removedNodes].map(describe).join(',')}` : '');
        sf.mut.push({ t: Math.round(performance.now()), sig, ours });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) sf.long.push({ start: Math.round(e.startTime), dur: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* Firefox: no longtask */
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        for (const s of /** @type {any} */ (e).scripts ?? [])
          sf.loaf.push({ src: String(s.sourceURL ?? ''), fn: String(s.sourceFunctionName ?? ''), inv: String(s.invoker ?? ''), dur: Math.round(s.duration), start: Math.round(s.startTime) });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    /* no LoAF */
  }
  // Heartbeat: a stall of the page's event loop (whoever caused it) shows as a late tick.
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    if (now - last > 70) sf.gaps.push({ start: Math.round(last), dur: Math.round(now - last - 20) });
    last = now;
    if (sf.heartbeat) setTimeout(tick, 20);
  };
  setTimeout(tick, 20);
}

/** Page-side: read and summarise the probe (mutations not ours, stalls, extension LoAF scripts). */
export function readProbe(extPrefix) {
  const sf = /** @type {any} */ (window).__sf;
  if (!sf) return null;
  return {
    mutCount: sf.mutCount,
    ours: sf.mut.filter((m) => m.ours).map((m) => m.sig),
    notOurs: sf.mut.filter((m) => !m.ours).map((m) => m.sig),
    long: sf.long,
    extLoaf: sf.loaf.filter((s) => s.src.startsWith(extPrefix) && s.dur > 50),
    // longest extension script seen in a long animation frame (shows the attribution works)
    extMax: sf.loaf.filter((s) => s.src.startsWith(extPrefix)).reduce((m, s) => Math.max(m, s.dur), -1),
    gaps: sf.gaps.filter((g) => g.dur > 50),
    dcl: sf.dcl,
    entity: /** @type {any} */ (globalThis).CSS?.highlights?.get('backstory-entity')?.size ?? 0,
  };
}

/** Page-side: centre of the first range of the entity highlight in document order (scrolled into view). */
export function firstMentionPoint() {
  const hl = /** @type {any} */ (globalThis).CSS?.highlights?.get('backstory-entity');
  if (!hl || hl.size === 0) return null;
  const ranges = [...hl].filter((r) => r.startContainer.isConnected);
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  for (const r of ranges) {
    const el = r.startContainer.parentElement;
    if (!el) continue;
    el.scrollIntoView({ block: 'center' });
    const rects = [...r.getClientRects()].filter((x) => x.width > 0 && x.height > 0);
    const b = rects[0];
    if (!b || b.bottom < 0 || b.top > innerHeight || b.right < 0 || b.left > innerWidth) continue;
    // the name must be the topmost thing there (not covered by a sticky header)
    const x = b.x + Math.min(b.width / 2, 6);
    const y = b.y + b.height / 2;
    const top = document.elementFromPoint(x, y);
    if (top && !(top === el || el.contains(top) || top.contains(el))) continue;
    return { x, y, text: r.toString() };
  }
  return null;
}
