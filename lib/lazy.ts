/**
 * A module-level value built on first use instead of at module evaluation (issue #7).
 *
 * The content script's reader is evaluated in one task when the eager script imports it; every
 * zod schema and WXT storage item declared at top level is constructed in that task (a storage
 * item even starts a storage read as soon as it is defined). Declaring them through `lazily`
 * moves that work to the task that first uses them, so module evaluation stays short. The value
 * is the same object with the same type; only the moment it is built changes.
 */
export function lazily<T extends object>(build: () => T): T {
  let value: T | undefined;
  const real = (): T => (value ??= build());
  return new Proxy({} as T, {
    get(_target, prop) {
      const target = real();
      const v: unknown = Reflect.get(target, prop, target);
      // Methods run against the built value, never the proxy (zod and WXT close over their own).
      return typeof v === 'function' ? v.bind(target) : v;
    },
    has: (_target, prop) => Reflect.has(real(), prop),
  });
}
