/** The schemes a story's links and images may use; an address without one is a path or a fragment on this site. */
export const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * The scheme of an address as a browser reads it (WHATWG URL): leading and trailing spaces and
 * control characters are ignored and tabs and line breaks removed anywhere, so `java\tscript:` is
 * `javascript:`. Undefined for a relative address (`./a.png`, `/data/`, `#note`, `?page=2`).
 */
export function urlScheme(url: string): string | undefined {
	// eslint-disable-next-line no-control-regex
	const normalised = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
	return /^([a-z][a-z0-9+.-]*):/i.exec(normalised)?.[1]?.toLowerCase();
}

/**
 * What is wrong with an address a story links to or shows an image from, or undefined when it is
 * allowed: http(s), mailto: or an address on this site. `javascript:`, `data:`, `vbscript:`,
 * `file:` and every other scheme are refused. `what` names it in the message ("link", "image"),
 * `at` says where it is ("at column 3").
 */
export function urlProblem(url: string, what: string, at = ''): string | undefined {
	const scheme = urlScheme(url);
	if (scheme === undefined || ALLOWED_SCHEMES.has(scheme)) return undefined;
	const shown = JSON.stringify(url.length > 40 ? `${url.slice(0, 40)}…` : url);
	return `received the ${what} ${shown}${at ? ` ${at}` : ''}; expected an http(s) or mailto: address, or an address on this site (the ${scheme}: scheme is not allowed)`;
}
