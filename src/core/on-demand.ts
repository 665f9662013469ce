/**
 * Thrown by synchronous code that needs a part the engine loads on demand (remark, the Word reader, the word
 * table) before it was loaded. The asynchronous entry points catch it, `load` the part and run again
 * (withOnDemandParts in src/node/lint-one-file.ts); the synchronous ones (lintText, the web page, the tests) load
 * every part up front.
 */
export class PartNotLoadedError extends Error {
  constructor(
    message: string,
    readonly load: () => Promise<void>,
  ) {
    super(message);
  }
}

/** A module the engine loads only when a draft needs it, and what is prepared from it once loaded. */
export interface OnDemandPart<Module, Part> {
  /** Imports the module, once. Always the same function: PartNotLoadedError carries it. */
  readonly load: () => Promise<void>;
  /** For synchronous entry points that import the module up front. */
  readonly use: (loaded: Module) => void;
  /** The part; throws PartNotLoadedError until it is loaded. */
  readonly get: () => Part;
}

/** `name` and `loadName` say in the error what is missing and which function loads it. */
export function onDemandPart<Module, Part>(
  name: string,
  loadName: string,
  importModule: () => Promise<Module>,
  prepare: (loaded: Module) => Part,
): OnDemandPart<Module, Part> {
  let part: Part | undefined;
  const use = (loaded: Module): void => {
    part = prepare(loaded);
  };
  const load = async (): Promise<void> => {
    if (part === undefined) use(await importModule());
  };
  const get = (): Part => {
    if (part === undefined) throw new PartNotLoadedError(`${name} is not loaded: await ${loadName}() first`, load);
    return part;
  };
  return { load, use, get };
}
