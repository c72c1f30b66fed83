/**
 * The CLI bundle (dist/cli-main.js), run by the launcher (launch/launcher.ts) both as the `tally`
 * command and in the pool's worker threads: one bundle means one code cache for both.
 */
import { isMainThread } from 'node:worker_threads';

if (isMainThread) void import('./main');
else void import('./worker');
