/**
 * Entry of the Tally language server (dist/server.js, bin `tally-language-server`).
 * createConnection picks the transport from argv: --node-ipc (VS Code), --stdio, --socket=N, --pipe=NAME.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// a bug must cost one answer, not the server: log and keep serving
process.on('uncaughtException', (error) => connection.console.error(`tally: uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`tally: unhandled rejection: ${String(reason)}`));
startServer(connection);
