/**
 * A worker thread of the lint pool: receives batches of files, lints each with lintOneFile, and posts the
 * results back, their findings packed (packed-messages.ts). The configurations are sent once, in
 * workerData; a job names its configuration by index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintOneFile, type LintJob, type WorkerSetup } from './lint-one-file.js';
import { packMessages, type WorkerReply } from './packed-messages.js';

const setup = workerData as WorkerSetup;

parentPort!.on('message', (batch: LintJob[]) => {
  void Promise.all(batch.map((job) => lintOneFile(job.filePath, { rules: setup.configs[job.configIndex], fixAs: job.fixAs }, setup.options, job.cachedHash))).then(
    (results) => {
      const reply: WorkerReply = { results: results.map((result) => ({ ...result, messages: [] })), packed: packMessages(results.map((result) => result.messages)) };
      parentPort!.postMessage(reply, [reply.packed.numbers.buffer]);
    },
  );
});
