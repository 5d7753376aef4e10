// `node:fs` for the web server's bundle: a worker has no file system. Shared handlers that read a file as
// a fallback (the folder's settings for clients without workspace/configuration) get a clear rejection;
// the web client reads files through VS Code and hands them over instead.
const unavailable = (): Promise<never> => Promise.reject(new Error('there is no file system in the browser: files come through the client'));

export const promises = { readFile: unavailable, stat: unavailable, readdir: unavailable };
