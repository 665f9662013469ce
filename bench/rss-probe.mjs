// Loaded with `node --import` into every benchmarked Node process: at exit, append the peak resident set
// size (KiB, including worker threads) to the file named by GONGWEN_BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

const target = process.env.GONGWEN_BENCH_RSS_FILE;
if (target) process.on('exit', () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
