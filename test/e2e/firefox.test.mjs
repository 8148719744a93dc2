/** Issue #2 acceptance in Firefox ESR (puppeteer-core over WebDriver BiDi, temporary add-on). */
import { acceptanceSuite } from './lib/suite.mjs';
import { launchFirefox } from './lib/firefox.mjs';

acceptanceSuite({ browser: 'firefox', launch: launchFirefox });
