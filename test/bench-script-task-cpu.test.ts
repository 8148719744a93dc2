/**
 * The non-article bench's figure (test/bench/browser-pages.bench.ts scriptTaskCpuMs): the thread
 * CPU of the page's main-thread tasks that ran script. It must count a task whose script ran only
 * as microtasks (the eager gate runs after an `await`: CDP's ScriptDuration missed it), and nothing
 * that ran no script, nor other threads.
 */
import { describe, expect, it } from 'vitest';
import { scriptTaskCpuMs } from './bench/browser-pages.bench';
import type { TraceEvent } from './bench/_trace';

const MAIN = { pid: 1, tid: 10 };
const OTHER = { pid: 1, tid: 11 };
const meta = (at: { pid: number; tid: number }, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, ...at, args: { name } });
const span = (at: { pid: number; tid: number }, name: string, ts: number, dur: number, tdur?: number): TraceEvent => ({ name, cat: 'x', ph: 'X', ts, dur, ...(tdur !== undefined ? { tdur } : {}), ...at });

describe('scriptTaskCpuMs', () => {
  it('sums the CPU of main-thread tasks that ran script, microtask-only runs included', () => {
    const events = [
      meta(MAIN, 'CrRendererMain'),
      meta(OTHER, 'Compositor'),
      // Injection: evaluation, then the gate in the microtask checkpoint (2 ms CPU in all).
      span(MAIN, 'ThreadControllerImpl::RunTask', 1000, 3000, 2000),
      span(MAIN, 'EvaluateScript', 1010, 500),
      span(MAIN, 'RunMicrotasks', 1600, 2300),
      // A later task that only runs our promise continuations (0.5 ms CPU).
      span(MAIN, 'ThreadControllerImpl::RunTask', 10_000, 600, 500),
      span(MAIN, 'RunMicrotasks', 10_010, 550),
      // Page work without script: parsing and layout (not ours).
      span(MAIN, 'ThreadControllerImpl::RunTask', 20_000, 4000, 4000),
      span(MAIN, 'ParseHTML', 20_010, 3000),
      // Script on another thread (not the page's main thread).
      span(OTHER, 'ThreadControllerImpl::RunTask', 1000, 900, 900),
      span(OTHER, 'FunctionCall', 1010, 800),
    ];
    expect(scriptTaskCpuMs(events)).toBeCloseTo(2.5, 6);
  });

  it('reads wall time where a task has no thread time, and is 0 with no script', () => {
    const events = [meta(MAIN, 'CrRendererMain'), span(MAIN, 'ThreadControllerImpl::RunTask', 0, 700), span(MAIN, 'TimerFire', 10, 600)];
    expect(scriptTaskCpuMs(events)).toBeCloseTo(0.7, 6);
    expect(scriptTaskCpuMs([meta(MAIN, 'CrRendererMain'), span(MAIN, 'ThreadControllerImpl::RunTask', 0, 700, 700), span(MAIN, 'Layout', 10, 600)])).toBe(0);
  });
});
