// What may import what (docs/architecture.md explains the layers). Checked by
// tests/architecture/imports.test.ts; `npx depcruise src scripts bench` prints the same verdict.

/**
 * The layers of src/, lowest first. A module may import modules of its own layer and of the layers
 * below it, never of a layer above. Type-only imports are exempt: a type says what a value looks
 * like, it runs no code (figures/ formats what schemas/ describes, and names its types).
 */
export const LAYERS = [
	['core'],
	['figures'],
	['schemas'],
	['config'],
	['cache'],
	['charts'],
	['stories'],
	['loaders'],
	['validation'],
	['fonts'],
	['social'],
	['search'],
	['site'],
	['browser'],
	['components', 'layouts', 'pages', 'styles', 'content.config.ts'],
	['build'],
	['editors', 'tools'],
];

const folders = (layers) => `^src/(${layers.flat().map((name) => name.replace('.', '\\.')).join('|')})(/|$)`;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
	forbidden: [
		...LAYERS.slice(0, -1).map((layer, i) => ({
			name: `layer-${layer[0]}`,
			comment: `src/${layer.join(', src/')} may not import a higher layer (${LAYERS.slice(i + 1).flat().join(', ')}): see docs/architecture.md`,
			severity: 'error',
			from: { path: folders([layer]) },
			to: { path: folders(LAYERS.slice(i + 1)), dependencyTypesNot: ['type-only'] },
		})),
		{
			name: 'src-not-outside',
			comment: 'The product (src/) imports nothing from the command-line entries, the benchmark or the tests.',
			severity: 'error',
			from: { path: '^src/' },
			to: { path: '^(scripts|bench|tests)/' },
		},
		{
			name: 'no-tests-in-code',
			comment: 'Commands and the benchmark import nothing from the tests.',
			severity: 'error',
			from: { path: '^(scripts|bench)/' },
			to: { path: '^tests/' },
		},
		{
			name: 'no-circular',
			comment: 'No import cycles (type-only imports excepted).',
			severity: 'error',
			from: {},
			to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
		},
		{
			name: 'every-layer-named',
			comment: 'Every folder of src/ is a layer named in LAYERS.',
			severity: 'error',
			from: { path: '^src/', pathNot: folders(LAYERS.concat([['types', 'env.d.ts']])) },
			to: {},
		},
	],
	options: {
		doNotFollow: { path: 'node_modules' },
		exclude: { path: '(^|/)node_modules/' },
		tsPreCompilationDeps: true,
		tsConfig: { fileName: 'tsconfig.json' },
	},
};
