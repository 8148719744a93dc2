import { render } from 'preact';
import '../../components/theme.css';
import '../../components/popup/popup.css';
import { PopupApp } from '../../components/popup/PopupApp';
import { browserPopupApi } from '../../components/popup/api';

render(<PopupApp api={browserPopupApi()} />, document.getElementById('app')!);
