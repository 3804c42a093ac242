//===--- LanguageServer.h - `async-tidy lsp` ------------------------------===//

#ifndef ASYNC_TIDY_DRIVER_LSP_LANGUAGESERVER_H
#define ASYNC_TIDY_DRIVER_LSP_LANGUAGESERVER_H

namespace async_tidy {

/// Serves the Language Server Protocol on stdin/stdout until the client
/// sends 'exit'. \p Argv[0] is "lsp"; the rest are the server's options.
int runLanguageServer(int Argc, const char **Argv);

} // namespace async_tidy

#endif // ASYNC_TIDY_DRIVER_LSP_LANGUAGESERVER_H
