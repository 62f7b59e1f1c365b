/** Types for subset-font, which ships none. */
declare module 'subset-font' {
	interface SubsetFontOptions {
		/** The format of the font returned. */
		targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
		/** Keep these name table ids. */
		preserveNameIds?: number[];
		/** Pin or narrow the axes of a variable font. */
		variationAxes?: Record<string, number | { min: number; max: number; default?: number }>;
	}
	/** A font with only the glyphs needed to render `text`. */
	export default function subsetFont(font: Buffer | Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
