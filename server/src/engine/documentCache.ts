import type { ParsedFile } from './parser/charterParser';

/** Parsed files by URI; a text is parsed again only when its version or content changed. */
export class DocumentCache {
  private readonly files = new Map<string, ParsedFile>();

  constructor(private readonly parse: (uri: string, text: string, version: number) => ParsedFile) {}

  get(uri: string, text: string, version: number): ParsedFile {
    const cached = this.files.get(uri);
    if (cached && cached.version === version && cached.text === text) return cached;
    const parsed = this.parse(uri, text, version);
    this.files.set(uri, parsed);
    return parsed;
  }

  /** The cached parse of exactly this text and version, if there is one; caches nothing. */
  peek(uri: string, text: string, version: number): ParsedFile | undefined {
    const cached = this.files.get(uri);
    return cached && cached.version === version && cached.text === text ? cached : undefined;
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  clear(): void {
    this.files.clear();
  }

  get size(): number {
    return this.files.size;
  }
}
