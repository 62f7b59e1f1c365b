/**
 * Run after `npm install`/`npm ci`: npm itself may run on an older Node than the project needs
 * (these machines have Node 20), and then prints an EBADENGINE warning for every package that asks
 * for Node 22.12 or newer. The warnings are expected: every npm script runs on the Node 24 that the
 * `node` dev dependency installed. Says so in one line, so a new user's first screen explains itself.
 */
const REQUIRED = [22, 12];

const npmNode = /\bnode\/v(\d+)\.(\d+)/.exec(process.env.npm_config_user_agent ?? '');
if (npmNode) {
	const [major, minor] = [Number(npmNode[1]), Number(npmNode[2])];
	if (major < REQUIRED[0] || (major === REQUIRED[0] && minor < REQUIRED[1])) {
		console.log(
			`Note: npm ran on Node ${major}.${minor}, so it warned (EBADENGINE) about packages that need Node ${REQUIRED.join('.')}+. ` +
				`That is expected: the project's scripts run on Node ${process.versions.node} from the \`node\` dev dependency.`,
		);
	}
}
