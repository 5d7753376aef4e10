// The approved baseline of a charter: its text on the base branch. The engine never runs git; the CLI
// and the server read the base text and hand it in through a BaseTextProvider.

export interface BaseText {
  /** The file's text at the base ref. */
  text: string;
  /** Where the base text can be shown: related information of change findings points here. */
  uri: string;
  /** The ref it was read from, as the user named it (`main`, `origin/main`, a commit). */
  ref: string;
  /** The path it had at the base ref (differs from the head's after a rename), `/`-separated. */
  path: string;
}

/**
 * Returns the base text of a file, or undefined when the file has no base (new on the branch). A host
 * that cannot read bases at all (no git, not a repository) passes no provider and says so once.
 */
export type BaseTextProvider = (uri: string, relativePath: string) => Promise<BaseText | undefined>;

/** The URI the CLI and the server give a base text: `charter-base:/<path>?<ref>`, shown by the editor's content provider. */
export function baseUri(ref: string, path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `charter-base:/${encoded}?${encodeURIComponent(ref)}`;
}
