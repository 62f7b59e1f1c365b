import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

/** The project folder, which holds the sample edition. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A copy of the sample site (config, content, data) in a new folder named `<prefix><random>`, by default a temporary one; free to be broken. */
export async function copySampleSite(prefix = join(tmpdir(), 'broadsheet-site-')): Promise<string> {
	const root = await mkdtemp(prefix.includes(sep) ? prefix : join(tmpdir(), prefix));
	for (const name of ['site.config.json', 'content', 'data']) {
		await cp(join(projectRoot, name), join(root, name), { recursive: true });
	}
	return root;
}

/**
 * A copy of the sample whose Erqi story has a photo (a plain image the test draws), so Astro's image
 * service and its AVIF, WebP and JPEG srcsets are in the output too.
 */
export async function copySampleSiteWithPhoto(prefix?: string): Promise<string> {
	const root = await copySampleSite(prefix);
	await mkdir(join(root, 'content/2024-09-18/photos'));
	await sharp({ create: { width: 1600, height: 1067, channels: 3, background: { r: 180, g: 60, b: 40 } } })
		.jpeg()
		.toFile(join(root, 'content/2024-09-18/photos/birthday.jpg'));
	await editFile(root, 'content/2024-09-18/erqi-louyuan-zhili.mdx', (text) =>
		text.replace('  - alt: 福华街街道七一三社区为老人庆生的现场照片（原版照片未收录）', '  - file: ./photos/birthday.jpg\n    alt: 测试用的纯色图片'),
	);
	return root;
}

/** Rewrites a file of a fixture site with a function of its text. */
export async function editFile(root: string, file: string, edit: (text: string) => string): Promise<void> {
	const path = join(root, file);
	await writeFile(path, edit(await readFile(path, 'utf8')));
}

export interface BuildResult {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * The environment a build gets: the test runner's, less what Vitest adds for itself (BASE_URL,
 * MODE, DEV, PROD…), which would otherwise leak into the build's `import.meta.env`.
 */
export function buildEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env = { ...process.env };
	for (const key of Object.keys(env)) {
		if (/^(BASE_URL|MODE|DEV|PROD|SSR|TEST|NODE_ENV|VITEST.*)$/.test(key)) delete env[key];
	}
	return { ...env, ...extra };
}

/**
 * How long a build run as a subprocess (`buildSiteInSubprocess`) may take (1–20 s here) before it
 * is taken to hang. In full runs on this 2-core machine about one subprocess build in several
 * hundred did not end (seen twice, in bad-input cases that pass alone in a second): such a build is
 * killed, its output printed as a warning, and run once more, so the hang stays visible in the log
 * without failing an unrelated assertion.
 */
const HUNG_BUILD_MS = 100_000;

function runBuild(root: string, outDir: string, env: Record<string, string>): Promise<BuildResult & { hung: boolean }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[join(projectRoot, 'scripts/build.ts')],
			{
				cwd: projectRoot,
				env: buildEnvironment({ BROADSHEET_ROOT: root, BROADSHEET_OUT_DIR: outDir, ...env }),
				maxBuffer: 64 * 1024 * 1024,
				timeout: HUNG_BUILD_MS,
				killSignal: 'SIGKILL',
			},
			(error, stdout, stderr) =>
				resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr, hung: Boolean(error?.killed) }),
		);
	});
}

/** Runs `npm run build`'s script as a subprocess on a site root, writing into `outDir`: for tests of the command itself, or of a build under other Node options. */
export async function buildSiteInSubprocess(root: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	const first = await runBuild(root, outDir, env);
	if (!first.hung) return first;
	console.warn(`A build of ${root} did not end in ${HUNG_BUILD_MS / 1000} s and was killed; building again. Its output:\n${first.stdout}\n${first.stderr}`);
	const { hung, ...second } = await runBuild(root, outDir, env);
	return hung ? { ...second, code: 1, stderr: `${second.stderr}\nThe build did not end in ${HUNG_BUILD_MS / 1000} s, twice.` } : second;
}

/** The in-process builds of this test process, one at a time: a build sets the process's environment. */
let turn: Promise<unknown> = Promise.resolve();

/**
 * Builds a site root into `outDir` in this process, as `npm run build` does (src/build/build-site.ts,
 * Astro's `build()` with the broadsheet() integration): its caches are the fixture's own
 * (`<root>/.astro-cache`), and what it prints is returned, not shown. `env` is the build's extra
 * environment (BROADSHEET_BASE…); a build given NODE_OPTIONS runs as a subprocess, which they apply to.
 */
export function buildSite(root: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
	if (env.NODE_OPTIONS) return buildSiteInSubprocess(root, outDir, env);
	const result = turn.then(() => buildInProcess(root, outDir, env));
	turn = result.catch(() => undefined);
	return result;
}

async function buildInProcess(root: string, outDir: string, env: Record<string, string>): Promise<BuildResult> {
	const { buildSite: build, effectsFromEnvironment } = await import('../../src/build/build-site.ts');
	let stdout = '';
	let stderr = '';
	// Astro's own warnings go straight to the process's streams: they are part of what the build printed.
	const streams = [process.stdout, process.stderr] as const;
	const writes = streams.map((stream) => stream.write);
	const capture = (append: (text: string) => void) =>
		((chunk: unknown, ...rest: unknown[]) => {
			append(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
			const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
			done?.();
			return true;
		}) as typeof process.stdout.write;
	const saved = { ...process.env };
	const buildEnv = buildEnvironment({ BROADSHEET_ROOT: root, BROADSHEET_OUT_DIR: outDir, ...env });
	for (const key of Object.keys(process.env)) if (!(key in buildEnv)) delete process.env[key];
	Object.assign(process.env, buildEnv);
	process.stdout.write = capture((text) => (stdout += text));
	process.stderr.write = capture((text) => (stderr += text));
	try {
		const code = await build({
			...effectsFromEnvironment(process.env, projectRoot),
			stdout: { write: (text: string) => (stdout += text) },
			stderr: { write: (text: string) => (stderr += text) },
		});
		return { code, stdout, stderr };
	} finally {
		streams.forEach((stream, index) => (stream.write = writes[index]));
		for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
		Object.assign(process.env, saved);
	}
}

/** Starts `npm run build`'s script on a site root like {@link buildSite}, for a test that stops it part-way. */
export function startBuild(root: string, outDir: string, env: Record<string, string> = {}): ChildProcess {
	return spawn(process.execPath, [join(projectRoot, 'scripts/build.ts')], {
		cwd: projectRoot,
		env: buildEnvironment({ BROADSHEET_ROOT: root, BROADSHEET_OUT_DIR: outDir, ...env }),
		stdio: 'ignore',
	});
}
