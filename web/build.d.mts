export declare const DEFAULT_OUT_DIR: string;
export declare function buildConsole(opts?: { outDir?: string; minify?: boolean }): Promise<{ outDir: string; version: string }>;
export declare function isBuilt(outDir?: string): boolean;
export declare function isStale(outDir?: string): boolean;
