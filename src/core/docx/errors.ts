/**
 * Why a Word file could not be read. The message is Chinese and complete, for the user: the CLI prints it
 * as a fatal problem of that file and exits 2, and the other files are still linted.
 */
export type DocxErrorKind =
  | 'legacy-binary'
  | 'encrypted'
  | 'not-a-zip'
  | 'corrupt'
  | 'missing-document'
  | 'too-large'
  | 'unsafe-xml'
  | 'malformed-xml'
  | 'invalid-encoding'
  | 'unsupported';

export class DocxError extends Error {
  readonly kind: DocxErrorKind;

  constructor(kind: DocxErrorKind, message: string) {
    super(message);
    this.name = 'DocxError';
    this.kind = kind;
  }
}
