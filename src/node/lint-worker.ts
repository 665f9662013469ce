/**
 * A worker thread of the lint pool: receives batches of files, lints each with lintOneFile, and posts the
 * results back. The configurations are sent once, in workerData; a job names its configuration by index.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { lintOneFile, type LintJob, type WorkerSetup } from './lint-one-file.js';

const setup = workerData as WorkerSetup;

parentPort!.on('message', (batch: LintJob[]) => {
  void Promise.all(batch.map((job) => lintOneFile(job.filePath, { rules: setup.configs[job.configIndex], fixAs: job.fixAs }, setup.options, job.cachedHash))).then(
    (results) => parentPort!.postMessage(results),
  );
});
