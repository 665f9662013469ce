/** A language client for the tests and the latency benchmark: the real server as a child process, over stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';

export interface LanguageClient {
  connection: ProtocolConnection;
  child: ChildProcess;
  /** Registrations the server asked for (`client/registerCapability`). */
  registrations: Registration[];
  /** The next diagnostics published for `uri` after this call. */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams>;
  /** shutdown, exit, and the server's exit code. */
  stop(): Promise<number | null>;
}

export function startLanguageClient(cli = resolve('dist/bin/cli.js'), cwd = process.cwd()): LanguageClient {
  const child = spawn(process.execPath, [cli, '--lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const registrations: Registration[] = [];
  const waiting = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const resolvers = waiting.get(params.uri) ?? [];
    waiting.delete(params.uri);
    for (const resolveWith of resolvers) resolveWith(params);
  });
  connection.onRequest(RegistrationRequest.type, (params) => {
    registrations.push(...params.registrations);
  });
  connection.listen();
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return {
    connection,
    child,
    registrations,
    nextDiagnostics: (uri) =>
      new Promise((resolveWith) => {
        waiting.set(uri, [...(waiting.get(uri) ?? []), resolveWith]);
      }),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
