/** The worker thread of `checkContentInWorker`: checks each site it is given and reports its summary. */
import { enableCompileCache } from 'node:module';

// As in scripts/build.ts: the compile cache covers only what is loaded after this line.
enableCompileCache();
const { parentPort } = await import('node:worker_threads');
const { summarizeContent } = await import('./content-summary.ts');
const { validateSite } = await import('../validation/validate-site.ts');
const { configureCaches } = await import('../cache/registry.ts');

// One check for each message, one after another (src/build/check-content.ts waits for each report).
// A check that throws ends the thread, which the build reports.
parentPort!.on('message', async ({ siteRoot, caches }: { siteRoot: string; caches: import('../cache/registry.ts').CacheLocation }) => {
	configureCaches(caches);
	parentPort!.postMessage(summarizeContent(await validateSite(siteRoot)));
});
