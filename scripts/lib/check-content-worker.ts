/** The worker thread of `checkContentInWorker`: checks the site `BROADSHEET_ROOT` names and reports its summary. */
import { parentPort } from 'node:worker_threads';
import { summarizeContent } from './check-content.ts';
import { siteRoot } from '../../src/lib/site-root.ts';
import { validateSite } from '../../src/validation/validate-site.ts';

parentPort!.postMessage(summarizeContent(await validateSite(siteRoot)));
