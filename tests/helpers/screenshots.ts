import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Screenshots for a person to look at (no test compares them): taken only when SCREENSHOTS names a
 * folder, as `npm run screenshots` does (`test-results/`), and skipped otherwise, since a full-page
 * screenshot costs Chromium about 0.7 s of CPU and `npm test` would take forty of them for no check.
 * `take` writes the picture to the path it is given; `name` is its path inside the folder.
 */
export async function screenshotForPeople(name: string, take: (path: string) => Promise<unknown>): Promise<void> {
	const folder = process.env.SCREENSHOTS;
	if (!folder) return;
	const path = join(folder, name);
	await mkdir(dirname(path), { recursive: true });
	await take(path);
}
