import { execFile } from 'node:child_process';
import { buildEnvironment, projectRoot, type BuildResult } from './site-fixture.ts';

/**
 * Runs `npm run <script> -- <args>` in the project folder on a site root, exactly as an editor
 * types it (npm puts the project's own Node 24 first on the PATH).
 */
export function npmRun(script: string, args: string[], env: Record<string, string>): Promise<BuildResult> {
	return new Promise((resolve) => {
		execFile(
			'npm',
			['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])],
			{ cwd: projectRoot, env: buildEnvironment(env), maxBuffer: 64 * 1024 * 1024 },
			(error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
		);
	});
}

/** Runs a command line as written in the editors' guide, such as `npm run new -- edition 2024-09-19`. */
export function runGuideCommand(line: string, env: Record<string, string>): Promise<BuildResult> {
	const [npm, run, script, separator, ...args] = line.trim().split(/\s+/);
	if (npm !== 'npm' || run !== 'run' || (separator !== undefined && separator !== '--')) throw new Error(`invalid guide command: ${line}`);
	return npmRun(script, args, env);
}

/** A fenced code block of a Markdown file: its language, its `name="value"` attributes and its text. */
export interface CodeBlock {
	lang: string;
	attributes: Record<string, string>;
	text: string;
}

/** The fenced code blocks of a Markdown document, in order. */
export function codeBlocks(markdown: string): CodeBlock[] {
	const blocks: CodeBlock[] = [];
	for (const match of markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)) {
		const [lang = '', ...rest] = match[1].trim().split(/\s+/);
		const attributes: Record<string, string> = {};
		for (const attribute of rest.join(' ').matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)')/g)) {
			attributes[attribute[1]] = attribute[2] ?? attribute[3];
		}
		blocks.push({ lang, attributes, text: match[2] });
	}
	return blocks;
}
