import { chmod, copyFile, lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BinaryFileError, DraftReadError, DraftWriteError, readDraft, writeDraft } from '../../src/node/io.js';
import { fixtures } from '../fixtures/encodings/generate.mjs';

const fixtureDirectory = join(import.meta.dirname, '../fixtures/encodings');
let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'gongwen-io-'));
});

afterEach(async () => {
  // Restore write permission so that the temporary tree can be removed.
  await chmod(directory, 0o755).catch(() => {});
  await rm(directory, { recursive: true, force: true });
});

describe('readDraft', () => {
  it('reads each fixture and writes it back unchanged byte for byte', async () => {
    for (const fixture of fixtures) {
      const copy = join(directory, fixture.file);
      await copyFile(join(fixtureDirectory, fixture.file), copy);
      const draft = await readDraft(copy);
      await writeDraft(copy, draft.text, draft);
      expect((await readFile(copy)).equals(await readFile(join(fixtureDirectory, fixture.file)))).toBe(true);
    }
  });

  it('writes a fixed text back in GB18030, keeping CRLF and the missing final newline', async () => {
    const copy = join(directory, 'notice.gb18030.txt');
    await copyFile(join(fixtureDirectory, 'notice.gb18030.txt'), copy);
    const draft = await readDraft(copy);
    await writeDraft(copy, draft.text.replace('工作,有效', '工作，有效'), draft);
    const original = await readFile(join(fixtureDirectory, 'notice.gb18030.txt'));
    const written = await readFile(copy);
    // The half-width comma (one byte) became a full-width one (two bytes, A3 AC); nothing else moved.
    expect(written.length).toBe(original.length + 1);
    const at = original.indexOf(0x2c);
    expect(written.subarray(0, at).equals(original.subarray(0, at))).toBe(true);
    expect([...written.subarray(at, at + 2)]).toEqual([0xa3, 0xac]);
    expect(written.subarray(at + 2).equals(original.subarray(at + 1))).toBe(true);
  });

  it('names a missing file in Chinese', async () => {
    const missing = join(directory, '不存在.md');
    await expect(readDraft(missing)).rejects.toThrow(new DraftReadError(missing, `${missing}：无法读取（文件不存在）`));
  });

  it('names a directory given as a file in Chinese', async () => {
    await expect(readDraft(directory)).rejects.toThrow(`${directory}：无法读取（这是一个目录，不是文件）`);
  });

  it('calls a binary file binary', async () => {
    const image = join(directory, 'scan.md');
    await writeFile(image, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xd8]));
    await expect(readDraft(image)).rejects.toBeInstanceOf(BinaryFileError);
  });

  it('honours an explicit encoding', async () => {
    const file = join(directory, 'a.txt');
    await writeFile(file, Buffer.from('函', 'utf16le'));
    expect(await readDraft(file, { encoding: 'utf-16le' })).toEqual({ text: '函', encoding: 'utf-16le', bom: false });
  });
});

describe('writeDraft', () => {
  const utf8 = { encoding: 'utf-8', bom: false } as const;

  it('keeps the file mode', async () => {
    const file = join(directory, 'draft.md');
    await writeFile(file, '旧稿');
    await chmod(file, 0o640);
    await writeDraft(file, '新稿', { ...utf8, text: '旧稿' });
    expect((await stat(file)).mode & 0o7777).toBe(0o640);
    expect(await readFile(file, 'utf8')).toBe('新稿');
  });

  it('keeps an executable bit and leaves no temporary file behind', async () => {
    const file = join(directory, 'draft.md');
    await writeFile(file, '旧稿');
    await chmod(file, 0o755);
    await writeDraft(file, '新稿', { ...utf8, text: '旧稿' });
    expect((await stat(file)).mode & 0o7777).toBe(0o755);
    expect(await readdir(directory)).toEqual(['draft.md']);
  });

  it('replaces the file by renaming, so a reader never sees half a file', async () => {
    const file = join(directory, 'draft.md');
    await writeFile(file, '旧稿');
    const before = await stat(file);
    await writeDraft(file, '新稿', { ...utf8, text: '旧稿' });
    expect((await stat(file)).ino).not.toBe(before.ino);
  });

  it('writes through a symlink and keeps the link', async () => {
    const target = join(directory, 'real.md');
    const link = join(directory, 'link.md');
    await writeFile(target, '旧稿');
    await symlink('real.md', link);
    await writeDraft(link, '新稿', { ...utf8, text: '旧稿' });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('real.md');
    expect(await readFile(target, 'utf8')).toBe('新稿');
  });

  it('refuses a read-only file with a Chinese error and leaves it unchanged', async () => {
    const file = join(directory, 'locked.md');
    await writeFile(file, '旧稿');
    await chmod(file, 0o444);
    await expect(writeDraft(file, '新稿', { ...utf8, text: '旧稿' })).rejects.toThrow(
      new DraftWriteError(file, `${file}：无法写回修复结果（文件为只读，请先取消只读属性），原文件未改动`),
    );
    expect(await readFile(file, 'utf8')).toBe('旧稿');
    expect((await stat(file)).mode & 0o7777).toBe(0o444);
  });

  it('refuses a file in a read-only directory with a Chinese error and leaves no trace', async () => {
    const locked = join(directory, 'locked');
    await mkdir(locked);
    const file = join(locked, 'draft.md');
    await writeFile(file, '旧稿');
    await chmod(locked, 0o555);
    await expect(writeDraft(file, '新稿', { ...utf8, text: '旧稿' })).rejects.toThrow(
      `${file}：无法写回修复结果（所在目录“${locked}”为只读，无法创建临时文件），原文件未改动`,
    );
    expect(await readFile(file, 'utf8')).toBe('旧稿');
    expect(await readdir(locked)).toEqual(['draft.md']);
  });

  it('writes the other files after one fails', async () => {
    const locked = join(directory, 'a.md');
    const open = join(directory, 'b.md');
    await writeFile(locked, '甲');
    await writeFile(open, '乙');
    await chmod(locked, 0o400);
    const outcomes = await Promise.allSettled([
      writeDraft(locked, '甲。', { ...utf8, text: '甲' }),
      writeDraft(open, '乙。', { ...utf8, text: '乙' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'fulfilled']);
    expect(await readFile(open, 'utf8')).toBe('乙。');
  });
});
