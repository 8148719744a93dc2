/**
 * Drives a fake extension API's listeners the way the browser does, for the tests of the eager
 * content script and the article reader (each builds its own fake API around these two).
 */
import type { MessageListener, StorageListener } from '../lib/page/ext-api';

type Sender = { id?: string; url?: string };

export function listenerDrivers(
  stored: Record<string, unknown>,
  messageListeners: Set<MessageListener>,
  storageListeners: Set<StorageListener>,
  defaultSender: Sender,
) {
  /** tabs.sendMessage as the browser does it: the first listener that answers wins. */
  const send = (message: unknown, sender: Sender = defaultSender) =>
    new Promise<unknown>((resolve) => {
      let pending = false;
      for (const l of messageListeners) if (l(message, sender, resolve) === true) pending = true;
      if (!pending) setTimeout(() => resolve(undefined), 20);
    });
  /** storage.local.set: the store changes, then onChanged fires in the 'local' area. */
  const set = (changes: Record<string, unknown>) => {
    Object.assign(stored, changes);
    for (const l of storageListeners) l(Object.fromEntries(Object.keys(changes).map((k) => [k, { newValue: changes[k] }])), 'local');
  };
  return { send, set };
}
