/**
 * What the eager script's tasks spend their time on (issue #8): a detailed trace (V8 compile and
 * parse, script entry points, DOM work) of non-article loads with the built extension, the events
 * inside the main thread's script tasks summed by name (self time, thread CPU where traced).
 * Usage: npx tsx test/bench/_nonarticle-trace.ts <chrome-mv3 build> [loads per page]
 */
import path from 'node:path';
import { copyExtension, launch, rmDirs, startServer } from './_browser';
import { endTrace, threadSpans, topLevelTasks, type TraceEvent } from './_trace';
import { scriptTaskCpuMs } from './browser-pages.bench';

const root = path.resolve(import.meta.dirname, '../..');
process.env.E2E_CHROME_DIR = process.argv[2]!;
const LOADS = Number(process.argv[3] ?? 3);
const PAGES = (process.env.PAGES ?? 'home.html,search.html,login.html,forum.html').split(',');
const CATS = 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,v8,blink,disabled-by-default-v8.compile,__metadata';
const RAN = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'RunMicrotasks', 'v8.callFunction']);

const server = await startServer({ own: path.join(root, 'test/fixtures/pages') });
const dir = copyExtension(root);
const s = await launch(dir, server.proxy);
try {
  for (const file of PAGES) {
    const self = new Map<string, number>();
    let total = 0, cpu = 0, tasks = 0;
    for (let i = 0; i <= LOADS; i++) {
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Tracing.start', { categories: CATS, transferMode: 'ReturnAsStream' } as never);
      await page.goto(server.url('own', file), { waitUntil: 'load' });
      await page.waitForTimeout(700);
      const events = await endTrace(cdp);
      await page.close();
      if (i === 0) continue; // warm-up
      cpu += scriptTaskCpuMs(events);
      const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const spans = threadSpans(events, `${main!.pid}:${main!.tid}`);
      for (const task of topLevelTasks(spans)) {
        const end = task.ts + task.dur!;
        const inner = spans.filter((e) => e !== task && e.ts >= task.ts && e.ts < end);
        if (!inner.some((e) => RAN.has(e.name))) continue;
        tasks++;
        total += task.dur! / 1000;
        // Self time: each event's duration minus its direct children's (events nest by time).
        const all = [task, ...inner];
        for (let k = 0; k < all.length; k++) {
          const e = all[k]!, eEnd = e.ts + e.dur!;
          let child = 0, cEnd = -Infinity;
          for (let j = k + 1; j < all.length && all[j]!.ts < eEnd; j++) {
            if (all[j]!.ts < cEnd) continue; // grandchild
            child += all[j]!.dur!; cEnd = all[j]!.ts + all[j]!.dur!;
          }
          self.set(e.name, (self.get(e.name) ?? 0) + (e.dur! - child) / 1000);
        }
      }
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).filter(([, v]) => v / LOADS >= 0.02);
    console.log(`${file}: script tasks/load ${(tasks / LOADS).toFixed(1)}, wall ${(total / LOADS).toFixed(2)} ms, thread CPU ${(cpu / LOADS).toFixed(2)} ms; self wall per load: ` + top.map(([n, v]) => `${n} ${(v / LOADS).toFixed(2)}`).join(', '));
  }
} finally {
  await s.close();
  await server.close();
  rmDirs(dir);
}
