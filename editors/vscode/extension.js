// factlint for VS Code: starts `factlint lsp` and hands it the drafts, rule files and data
// files the editor opens. Diagnostics, hover and code actions all come from the server.
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The settings the server reads, under the `factlint` section. */
function settings() {
  const section = vscode.workspace.getConfiguration("factlint");
  return {
    pauseMilliseconds: section.get("pauseMilliseconds"),
    showUnverified: section.get("showUnverified"),
    allowPlugins: section.get("allowPlugins"),
    config: section.get("config"),
  };
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration("factlint").get("path") || "factlint";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  client = new LanguageClient(
    "factlint",
    "factlint",
    { run: server, debug: server },
    {
      // Drafts, and the rule and data files (the server lints only those its configuration
      // or the workspace's rules/ and data/ name). WordPress JSON drafts are left out, since a
      // workspace has JSON of every other kind too.
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "html" },
        { scheme: "file", language: "plaintext" },
        { scheme: "file", language: "yaml" },
        { scheme: "file", pattern: "**/*.csv" },
      ],
      initializationOptions: settings(),
      // Sends workspace/didChangeConfiguration with the `factlint` section when it changes.
      synchronize: { configurationSection: "factlint" },
    },
  );
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
