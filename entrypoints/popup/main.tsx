// Timing marks for the popup bench (test/bench/browser-popup.bench.ts): script start, data in.
performance.mark?.('popup:start');
import { render } from 'preact';
import { applyMessagesLocale } from '../../lib/i18n';
import '../../components/theme.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { browserPopupApi } from '../../components/popup/api';

applyMessagesLocale(document.documentElement);
render(<PopupApp api={browserPopupApi()} />, document.getElementById('app')!);
