/** The worker thread of `checkContentInWorker`: checks the site it is given and reports its summary. */
import { enableCompileCache } from 'node:module';

// As in scripts/build.ts: the compile cache covers only what is loaded after this line.
enableCompileCache();
const { parentPort, workerData } = await import('node:worker_threads');
const { summarizeContent } = await import('./check-content.ts');
const { validateSite } = await import('../validation/validate-site.ts');
const { configureCaches } = await import('../cache/registry.ts');

const { siteRoot, caches } = workerData as { siteRoot: string; caches: import('../cache/registry.ts').CacheLocation };
configureCaches(caches);
parentPort!.postMessage(summarizeContent(await validateSite(siteRoot)));
