import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTabs } from '../../helpers/chromium.ts';
import { screenshotForPeople } from '../../helpers/screenshots.ts';
import { copyProject } from '../../../bench/project-copy.ts';
import { newArticle } from '../../../src/editors/new-article.ts';
import { newDataset } from '../../../src/editors/new-dataset.ts';
import { newEdition } from '../../../src/editors/new-edition.ts';
import { buildEnvironment, copySampleSite, editFile, projectRoot } from '../../helpers/site-fixture.ts';

/**
 * `npm run dev` on a copy of the sample with a scaffolded draft: the draft is shown, and an invalid
 * file shows Broadsheet's own message in the terminal and in the payload of Astro's error overlay
 * (what the browser's overlay displays), and goes away once the file is fixed. The overlay's
 * drawing in a real browser is Astro's and is not tested here.
 */

const STORY = 'content/2024-09-19/xinzheng-zhongqiu.mdx';
const PROBLEM =
	'content/2024-09-19/xinzheng-zhongqiu.mdx:9  page  received 7; expected one of the pages of edition 2024-09-19: 5  → add page 7 to content/2024-09-19/edition.json, or correct the page number';

let root: string;
let server: ChildProcess | undefined;
let terminal = '';
let origin: string;
let project: string | undefined;
const overlay: { type: string; err?: { title?: string; message?: string; hint?: string } }[] = [];

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

async function waitFor(what: string, done: () => boolean, ms = 60_000): Promise<void> {
	const until = Date.now() + ms;
	while (!done()) {
		if (Date.now() > until) throw new Error(`timed out waiting for ${what}; the terminal said:\n${terminal}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

beforeAll(async () => {
	root = await copySampleSite('broadsheet-dev-');
	await newEdition(root, '2024-09-19');
	await newArticle(root, { edition: '2024-09-19', page: '5', slug: 'xinzheng-zhongqiu' });
	await newDataset(root, { kind: 'holiday-tourism', id: 'xinzheng-zhongqiu-2024', article: '2024-09-19/xinzheng-zhongqiu' });
	// astro dev writes Astro's .astro/ folder into its project: it runs in a copy of the project's
	// code, so the project's own folders are left as they are.
	project = await mkdtemp(join(tmpdir(), 'broadsheet-dev-project-'));
	await copyProject(projectRoot, project);
	const port = await freePort();
	origin = `http://127.0.0.1:${port}`;
	server = spawn(join(project, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
		cwd: project,
		env: buildEnvironment({ BROADSHEET_ROOT: root, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }),
	});
	server.stdout!.on('data', (chunk) => (terminal += chunk));
	server.stderr!.on('data', (chunk) => (terminal += chunk));
	await waitFor('the dev server', () => terminal.includes(`${origin}/`) || terminal.includes(`:${port}/`));
	// What Astro's overlay shows arrives over Vite's HMR socket.
	const socket = new WebSocket(`ws://127.0.0.1:${port}/`, 'vite-hmr');
	socket.addEventListener('message', (event) => overlay.push(JSON.parse(String(event.data))));
	await new Promise((resolve) => socket.addEventListener('open', resolve));
});

afterAll(async () => {
	if (server && server.exitCode === null) {
		const exited = new Promise((resolve) => server!.once('exit', resolve));
		server.kill();
		await exited;
	}
	if (root) await rm(root, { recursive: true, force: true });
	if (project) await rm(project, { recursive: true, force: true });
});

describe('npm run dev', () => {
	it('npm run dev shows a scaffolded draft with its bound figure and chart', async () => {
		const response = await fetch(`${origin}/2024-09-19/05/xinzheng-zhongqiu/`);
		const html = await response.text();
		expect(response.status).toBe(200);
		// In dev, Astro marks every element with its source file.
		expect(html).toMatch(/<data class="num" value="100000"[^>]*>10万人次<\/data>/);
		expect(html).toMatch(/<svg[\s\S]*<\/svg>/);
	});

	it('npm run dev shows an invalid file’s problem in the terminal and the error overlay, and recovers when it is fixed', async () => {
		const before = terminal.length;
		await editFile(root, STORY, (text) => text.replace('page: 5', 'page: 7'));
		await waitFor('the problem in the terminal', () => terminal.slice(before).includes(PROBLEM));

		const broken = await fetch(`${origin}/2024-09-19/05/xinzheng-zhongqiu/`);
		expect(broken.status).toBe(500);
		// In a browser, the page shows Broadsheet's message (file, line, field, fix), not a stack trace of its code.
		const tabs = sharedTabs();
		const page = await tabs.open({ viewport: { width: 1280, height: 900 } });
		try {
			await page.goto(`${origin}/2024-09-19/05/xinzheng-zhongqiu/`);
			const shown = await page.waitForFunction(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '', undefined, { timeout: 60_000 });
			const text = String(await shown.jsonValue());
			expect(text).toContain('Broadsheet found 1 problem in the content');
			expect(text).toContain(PROBLEM);
			expect(text).not.toMatch(/validate-site\.ts|content-check-middleware\.ts|at async/);
			await screenshotForPeople('dev-overlay.png', (path) => page.screenshot({ path }));
		} finally {
			await tabs.giveBack(page);
		}
		await waitFor('the overlay', () => overlay.some((message) => message.type === 'error' && message.err?.message === PROBLEM));
		const error = overlay.find((message) => message.type === 'error' && message.err?.message === PROBLEM)!.err!;
		expect(error.title).toBe('Broadsheet found 1 problem in the content');
		expect(error.hint).toContain('the page reloads by itself');

		const fixedAt = terminal.length;
		const messagesAt = overlay.length;
		await editFile(root, STORY, (text) => text.replace('page: 7', 'page: 5'));
		await waitFor('the all-clear', () => terminal.slice(fixedAt).includes('The content is valid again.'));
		// The browser reloads, which clears the overlay.
		await waitFor('a reload', () => overlay.slice(messagesAt).some((message) => message.type === 'full-reload'));
		// The page comes back once the content store has the story again (a moment after the reload
		// when a browser had the page open).
		let status = 0;
		for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
			status = (await fetch(`${origin}/2024-09-19/05/xinzheng-zhongqiu/`)).status;
		}
		expect(status).toBe(200);
	});
});
