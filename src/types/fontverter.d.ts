/** Types for fontverter, which ships none. */
declare module 'fontverter' {
	type Format = 'sfnt' | 'truetype' | 'woff' | 'woff2';
	/** The font in `toFormat`; `fromFormat` is read from the font's signature when not given. */
	function convert(font: Buffer | Uint8Array, toFormat: Format, fromFormat?: Format): Promise<Buffer>;
	const fontverter: { convert: typeof convert };
	export default fontverter;
}
