/**
 * The baseline: the project's own unified + remark-parse over every Markdown file of a directory, in one
 * thread, parse only. gongwen-lint's full run is measured against this.
 */
import { readFileSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { glob } from 'tinyglobby';
import { unified } from 'unified';

const directory = process.argv[2];
if (!directory) throw new Error('usage: bare-parse <directory>');
const processor = unified().use(remarkParse).freeze();
let nodes = 0;
for (const file of await glob('**/*.md', { cwd: directory, absolute: true })) {
  nodes += processor.parse(readFileSync(file, 'utf8')).children.length;
}
// Printing the count keeps the parse from being optimised away and shows the run did the work.
process.stdout.write(`${nodes}\n`);
