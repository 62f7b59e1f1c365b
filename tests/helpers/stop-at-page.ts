/**
 * Preloaded (`node --import`) into a build that a test kills part-way: the build stops itself
 * (SIGSTOP) as soon as it has written an HTML page holding BROADSHEET_TEST_STOP_AT, so the kill
 * lands while it writes pages. Polling for the page instead let a build on a loaded machine write
 * its last pages and publish before the test's next look (seen in a clean-clone run at load 10–17).
 */
import fs from 'node:fs';

const marker = process.env.BROADSHEET_TEST_STOP_AT;
const writeFile = fs.promises.writeFile;

if (marker) {
	fs.promises.writeFile = async function (file: Parameters<typeof writeFile>[0], data: Parameters<typeof writeFile>[1], options?: Parameters<typeof writeFile>[2]) {
		await writeFile(file, data, options);
		const text = typeof data === 'string' ? data : ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8') : '';
		if (String(file).endsWith('.html') && text.includes(marker)) process.kill(process.pid, 'SIGSTOP');
	} as typeof writeFile;
}
