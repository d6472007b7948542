export declare const ROOT: string;
export declare const DEFAULT_DIST_DIR: string;
export declare const ENTRIES: string[];
export declare const EXTERNAL: string[];
export declare function buildServer(opts?: { outDir?: string; entries?: string[] }): Promise<{ outDir: string }>;
export declare function isBuilt(outDir?: string, entries?: string[]): boolean;
export declare function isStale(outDir?: string): boolean;
export declare function buildTemplate(outDir?: string): boolean;
