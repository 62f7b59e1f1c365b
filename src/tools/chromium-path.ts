/** Debian's Chromium, or the binary CHROMIUM_PATH names: what the browser tests drive, and what `npm test` installs first. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
