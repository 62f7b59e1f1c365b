import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeDestination from 'astro/logger/node';
import { currentBuildRun } from './current-run.ts';

/** What Astro logs when an integration's hook throws (astro/dist/integrations/hooks.js). */
const HOOK_FAILED = /^An unhandled error occurred while running the .* hook$/;

/**
 * Astro's log (astro.config.mjs's `logger`), written as Astro's own Node logger writes it, less one
 * line: when the broadsheet() integration stops the build because the content has problems, which
 * the build has printed with every file, field and value, Astro adds that "an unhandled error
 * occurred" in the hook. Any other error is Astro's to report, and is.
 */
export default function astroLog(config?: Parameters<typeof nodeDestination>[0]): AstroLoggerDestination {
	const destination = nodeDestination(config);
	return {
		write(message: AstroLoggerMessage) {
			// Stripped of colours: the hook's name is printed in bold.
			const text = message.message.replace(/\x1b\[[0-9;]*m/g, '');
			if (message.level === 'error' && message.label === 'broadsheet' && HOOK_FAILED.test(text) && currentBuildRun()?.reported) return;
			destination.write(message);
		},
	};
}
