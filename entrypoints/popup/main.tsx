// Timing marks for the popup bench (test/bench/browser-popup.bench.ts): script start, data in.
performance.mark?.('popup:start');
// First import, so first evaluated: takes the tab's status, URL and settings the popup's head
// script already asked for (entrypoints/popup-early.ts), or asks now, before Preact and the
// components are even evaluated (components/popup/early-taken.ts).
import { early } from '../../components/popup/early-taken';
import { render } from 'preact';
import { applyMessagesLocale } from '../../lib/i18n';
import '../../components/theme.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { browserPopupApi } from '../../components/popup/api';

applyMessagesLocale(document.documentElement);
render(<PopupApp api={browserPopupApi(undefined, early)} />, document.getElementById('app')!);
