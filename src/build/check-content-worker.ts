/** The worker thread of `checkContentInWorker`: checks the site `BROADSHEET_ROOT` names and reports its summary. */
import { enableCompileCache } from 'node:module';

// As in scripts/build.ts: the compile cache covers only what is loaded after this line.
enableCompileCache();
const { parentPort } = await import('node:worker_threads');
const { summarizeContent } = await import('./check-content.ts');
const { siteRoot } = await import('../config/site-root.ts');
const { validateSite } = await import('../validation/validate-site.ts');

parentPort!.postMessage(summarizeContent(await validateSite(siteRoot)));
