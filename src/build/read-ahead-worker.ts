/** The worker thread of `readAhead`: lists and stats every file of the folder it is given but the search index, which Astro does not look at. */
import { workerData } from 'node:worker_threads';
import { listFiles, stampFiles } from '../core/list-files.ts';

const folder = workerData as string;
stampFiles(folder, listFiles(folder, (subfolder) => subfolder === 'pagefind/'));
