import { render } from 'preact';
import { applyMessagesLocale } from '../../lib/i18n';
import '../../components/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { browserOptionsApi } from '../../components/options/api';

applyMessagesLocale(document.documentElement);
render(<OptionsApp api={browserOptionsApi()} />, document.getElementById('app')!);
