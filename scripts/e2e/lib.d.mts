// Types of what TypeScript tests use from lib.mjs.
import type { BrowserContext } from 'playwright-core';
export declare function launchBrowser(profileDir: string): Promise<BrowserContext>;
export declare function ensureSystemPackages(): void;
