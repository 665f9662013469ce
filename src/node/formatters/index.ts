import type { Formatter, FormatterOutput } from './types.js';

export type { Formatter, FormatterContext, FormatterOutput, RuleMeta } from './types.js';

/** A formatter's output as one string (for tests and small reports). */
export function outputText(output: FormatterOutput): string {
  if (typeof output === 'string') return output;
  const decoder = new TextDecoder();
  return Array.from(output, (piece) => (typeof piece === 'string' ? piece : decoder.decode(piece))).join('');
}

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github', 'compact', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

/** Loads only the formatter a run needs, so that start-up does not pay for the others. */
export async function loadFormatter(name: FormatName): Promise<Formatter> {
  switch (name) {
    case 'stylish':
      return (await import('./stylish.js')).default;
    case 'json':
      return (await import('./json.js')).default;
    case 'sarif':
      return (await import('./sarif.js')).default;
    case 'github':
      return (await import('./github.js')).default;
    case 'compact':
      return (await import('./compact.js')).default;
    case 'html':
      return (await import('./html.js')).default;
  }
}
