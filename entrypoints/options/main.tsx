import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { browserOptionsApi } from '../../components/options/api';

render(<OptionsApp api={browserOptionsApi()} />, document.getElementById('app')!);
