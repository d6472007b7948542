export declare function asciiRegexes(code: string): Promise<{ code: string; edits: Array<[line: number, column: number, added: number]> } | null>;
export declare function shiftMappings(mappings: string, edits: Array<[line: number, column: number, added: number]>): Promise<string>;
export declare function asciiBundle(dir: string): Promise<string[]>;
