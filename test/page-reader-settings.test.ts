/**
 * The eager content script hands the reader the settings it read from storage.local (raw values
 * by key, issue #8), and the reader starts on them without reading again. That only works while
 * lib/page/activation.ts's keys and lib/page/reader.ts's fallbacks agree with the WXT items in
 * lib/settings.ts, which every other part of the extension reads: this test holds them together.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { READER_SETTING_KEYS, isActiveOn, readerSettingsOf } from '../lib/page/activation';
import { viewSettingsOf } from '../lib/page/reader';
import { disabledSites, enabled, entityMarks, keyboardLinks, opinionHighlight } from '../lib/settings';

const items = { enabled, disabledSites, opinionHighlight, entityMarks, keyboardLinks };

async function throughItems() {
  const [on, off, opinion, marks, keys] = await Promise.all([enabled.getValue(), disabledSites.getValue(), opinionHighlight.getValue(), entityMarks.getValue(), keyboardLinks.getValue()]);
  return { active: isActiveOn('news.example', on, off), view: { opinionHighlight: opinion, entityMarks: marks, keyboardLinks: keys } };
}

async function raw() {
  const values = await fakeBrowser.storage.local.get(READER_SETTING_KEYS);
  return { active: isActiveOn('news.example', values.enabled, values.disabledSites), view: viewSettingsOf(values) };
}

describe('settings handed from the eager script to the reader', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are read under the same storage.local keys as the settings items', () => {
    expect(Object.values(items).map((i) => i.key).sort()).toEqual(READER_SETTING_KEYS.map((k) => `local:${k}`).sort());
  });

  it('unset, give what the items give (their fallbacks)', async () => {
    expect(await raw()).toEqual(await throughItems());
  });

  it('set, give what the items give', async () => {
    for (const [on, off, opinion, marks, keys] of [
      [false, [], true, false, true],
      [true, ['news.example'], false, true, false],
      [true, ['other.example'], true, true, true],
    ] as const) {
      await enabled.setValue(on);
      await disabledSites.setValue([...off]);
      await opinionHighlight.setValue(opinion);
      await entityMarks.setValue(marks);
      await keyboardLinks.setValue(keys);
      expect(await raw()).toEqual(await throughItems());
    }
  });
});

describe('readerSettingsOf (raw values → the items\' values)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives each item\'s value, set or unset', async () => {
    const read = async () => readerSettingsOf(await fakeBrowser.storage.local.get(READER_SETTING_KEYS));
    const viaItems = async () => ({
      enabled: await enabled.getValue(), disabledSites: await disabledSites.getValue(), opinionHighlight: await opinionHighlight.getValue(),
      entityMarks: await entityMarks.getValue(), keyboardLinks: await keyboardLinks.getValue(),
    });
    expect(await read()).toEqual(await viaItems());
    await enabled.setValue(false);
    await disabledSites.setValue(['a.example']);
    await entityMarks.setValue(false);
    expect(await read()).toEqual(await viaItems());
  });
});
