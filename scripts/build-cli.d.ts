import type { Metafile } from 'esbuild';

export declare const CLI_DIR: string;
export declare const CLI_ENTRY: string;
export declare const CLI_INPUTS: string;
export declare function isCliBuildStale(outdir?: string): boolean;
export declare function buildCli(options?: { outdir?: string }): Promise<{ outdir: string; entry: string; metafile: Metafile }>;
