export declare const ROOT: string;
export declare const PLAYGROUND: string;
/** Copies the playground to `target` (outside the repository) and links node_modules; returns `target`. */
export declare function copyPlayground(target: string): string;
/** `$TMPDIR/<name>-<hash of this checkout's path>`. */
export declare function tempAppDir(name: string): string;
