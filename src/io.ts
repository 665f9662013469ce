import { readFile, writeFile } from 'node:fs/promises';

/** A draft as read from disk: its decoded text and what is needed to write it back byte for byte. */
export interface Draft {
  /** Decoded text without the BOM. */
  text: string;
  /** The encoding it was decoded from, e.g. `utf-8`, `utf-16le`, `gb18030`. */
  encoding: string;
  /** Whether the file started with a byte order mark. */
  bom: boolean;
}

export interface ReadDraftOptions {
  /** Overrides detection. */
  encoding?: string;
}

/** Provisional: UTF-8 only, until encoding detection lands. */
export async function readDraft(filePath: string, _options: ReadDraftOptions = {}): Promise<Draft> {
  const raw = await readFile(filePath, 'utf8');
  const bom = raw.charCodeAt(0) === 0xfeff;
  return { text: bom ? raw.slice(1) : raw, encoding: 'utf-8', bom };
}

/** Provisional: writes UTF-8, not yet atomically. */
export async function writeDraft(filePath: string, text: string, draft: Draft): Promise<void> {
  await writeFile(filePath, (draft.bom ? '\ufeff' : '') + text, 'utf8');
}
