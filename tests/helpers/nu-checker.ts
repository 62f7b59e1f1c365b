import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The Nu Html Checker (the W3C's validator) from the `vnu-jar` package, run with the machine's
 * Java (`scripts/ensure-chromium.ts` installs a JRE when there is none; the package's own Java
 * download is not allowed to run, and could not reach its host here).
 */
const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

/** The Nu checker's errors for the given HTML files, one per line (`"file":line.column: error: …`); empty when there are none. */
export async function nuCheckerErrors(files: readonly string[]): Promise<string> {
	try {
		await run('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...files], { maxBuffer: 16 * 1024 * 1024 });
		return '';
	} catch (error) {
		const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message: string };
		return (stderr || stdout || message).trim();
	}
}
