// Types of what charter-action.mjs exports, for the tests that import it.
export declare const COMMENT_MARKER: string;
export declare function escapeMarkdown(text: string): string;
export declare function findingsMarkdown(results: { findings: Array<{ file: string; rule: string; severity: string; message: string; range: { start: { line: number } } }>; summary: { files: number; errors: number; warnings: number } }): string;
export declare function commentBody(can: { base: boolean; diff: boolean }): string;
