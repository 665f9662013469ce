/**
 * Regenerates the committed JSON Schema: `node dist/src/node/config/write-schema.js [output path]`, run from the
 * project root (the path defaults to schema/gongwenrc.schema.json).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_JSON_SCHEMA_PATH, renderConfigJsonSchema } from '../../core/config/json-schema.js';

const outputPath = resolve(process.argv[2] ?? CONFIG_JSON_SCHEMA_PATH);
writeFileSync(outputPath, renderConfigJsonSchema());
process.stdout.write(`已写入 ${outputPath}\n`);
