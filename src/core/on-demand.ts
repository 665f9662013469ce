/**
 * Thrown by synchronous code that needs a part the engine loads on demand (remark, the word table) before it
 * was loaded. The asynchronous entry points catch it, `load` the part and run again (withOnDemandParts in
 * src/node/lint-one-file.ts); the synchronous ones (lintText, the web page, the tests) load every part up front.
 */
export class PartNotLoadedError extends Error {
  constructor(
    message: string,
    readonly load: () => Promise<void>,
  ) {
    super(message);
  }
}
