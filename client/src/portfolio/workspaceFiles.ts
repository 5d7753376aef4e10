// Small helpers over the workspace file system shared by the commands that write files.
import * as vscode from 'vscode';

export function toUri(pathOrUri: string): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(pathOrUri) ? vscode.Uri.parse(pathOrUri) : vscode.Uri.file(pathOrUri);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
