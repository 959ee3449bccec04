import Dispatch
import FactlintCLI
import FactlintModel
import FactlintReading
import Foundation
import RuleEngine

/// `factlint lsp`: a Language Server Protocol 3.17 server. Drafts are checked as the editor
/// holds them, by the same run as `factlint check -`: on open at once, after a change once the
/// typing pauses. Every message is handled on one queue, so the server's state needs no lock.
public final class LanguageServer: @unchecked Sendable {
  /// A document the client has open.
  struct Document {
    var version: Int
    var text: String
    /// The file it stands for, which names it in diagnostics and finds its configuration.
    var path: String
  }

  private let queue = DispatchQueue(label: "factlint.lsp")
  private let registry: CheckRegistry
  private let send: @Sendable ([UInt8]) -> Void
  private let end: @Sendable (Int32) -> Never
  private var reader = MessageReader()
  private var documents: [String: Document] = [:]
  private var encoding = PositionEncoding.utf16
  private var pause: Double
  private var options = RunOptions()
  private var initialized = false
  private var shutDown = false

  /// A server that writes framed messages through `send` and ends the process through `end`;
  /// diagnostics wait `pause` seconds after the last change.
  public init(
    registry: CheckRegistry, pause: Double = 0.3,
    send: @escaping @Sendable ([UInt8]) -> Void, end: @escaping @Sendable (Int32) -> Never
  ) {
    self.registry = registry
    self.pause = pause
    self.send = send
    self.end = end
  }

  /// Serves a client on standard input and output until it exits: input is read on a thread of
  /// its own, messages are handled on the server's queue.
  public static func serveStandardStreams(registry: CheckRegistry) -> Never {
    let server = LanguageServer(
      registry: registry,
      send: { bytes in OutputFile.writeAll(bytes, to: STDOUT_FILENO) },
      end: { status in exit(status) })
    Thread {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        server.receive(Array(chunk[..<count]))
      }
      server.inputEnded()
    }.start()
    dispatchMain()
  }

  /// Takes bytes read from the client, in any pieces.
  public func receive(_ bytes: [UInt8]) {
    queue.async { [self] in
      reader.append(bytes)
      while true {
        do throws(MessageReader.Failure) {
          guard let body = try reader.next() else { return }
          handle(body)
        } catch {
          logMessage(error.message)
        }
      }
    }
  }

  /// The client closed the stream: exit as `exit` would.
  public func inputEnded() {
    queue.async { [self] in end(shutDown ? 0 : 1) }
  }

  // MARK: Messages

  private func handle(_ body: [UInt8]) {
    guard let json = try? JSONSerialization.jsonObject(with: Data(body)),
      let message = json as? [String: Any]
    else {
      return respond(id: NSNull(), error: (-32700, "the message is not a JSON object"))
    }
    let id = message["id"]
    guard let method = message["method"] as? String else {
      // A response to a request of ours (none are sent), or no request at all.
      if id != nil, message["result"] == nil, message["error"] == nil {
        respond(id: id ?? NSNull(), error: (-32600, "the message has no method"))
      }
      return
    }
    let params = message["params"] as? [String: Any] ?? [:]
    if method == "exit" { end(shutDown ? 0 : 1) }
    // Before initialize, a request is refused and a notification dropped.
    if !initialized, method != "initialize" {
      if let id { respond(id: id, error: (-32002, "the server is not initialized")) }
      return
    }
    if let id, shutDown {
      return respond(id: id, error: (-32600, "the server is shut down"))
    }
    switch method {
    case "initialize": initialize(id: id ?? NSNull(), params)
    case "initialized", "$/cancelRequest", "$/setTrace": break
    case "shutdown":
      shutDown = true
      respond(id: id ?? NSNull(), result: NSNull())
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "workspace/didChangeConfiguration":
      configure(params["settings"])
      for uri in documents.keys { check(uri) }
    default:
      if let id { respond(id: id, error: (-32601, "factlint does not handle '\(method)'")) }
    }
  }

  private func initialize(id: Any, _ params: [String: Any]) {
    initialized = true
    let general = (params["capabilities"] as? [String: Any])?["general"] as? [String: Any]
    encoding = PositionEncoding.chosen(from: general?["positionEncodings"] as? [String] ?? [])
    configure(params["initializationOptions"])
    respond(
      id: id,
      result: [
        "capabilities": [
          "positionEncoding": encoding.rawValue,
          "textDocumentSync": ["openClose": true, "change": 1],
        ],
        "serverInfo": ["name": "factlint", "version": FactlintVersion.number],
      ])
  }

  /// Settings, from `initializationOptions` or `workspace/didChangeConfiguration` (whose
  /// settings may hold them under `factlint`): `pauseMilliseconds`, `allowPlugins`,
  /// `config` (a configuration file), `showUnverified`.
  private func configure(_ value: Any?) {
    guard var settings = value as? [String: Any] else { return }
    if let nested = settings["factlint"] as? [String: Any] { settings = nested }
    if let milliseconds = settings["pauseMilliseconds"] as? Int, (0...10_000).contains(milliseconds)
    {
      pause = Double(milliseconds) / 1000
    }
    if let allow = settings["allowPlugins"] as? Bool { options.allowPlugins = allow }
    if let show = settings["showUnverified"] as? Bool { options.showUnverified = show }
    if let config = settings["config"] as? String { options.configPath = config }
  }

  // MARK: Documents

  private func didOpen(_ params: [String: Any]) {
    guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
      let text = item["text"] as? String
    else { return logMessage("didOpen without a document's uri and text") }
    documents[uri] = Document(
      version: item["version"] as? Int ?? 0, text: text, path: Self.path(of: uri))
    check(uri)
  }

  private func didChange(_ params: [String: Any]) {
    guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
      var document = documents[uri]
    else { return }
    // Full sync: the last change holds the whole text.
    let changes = params["contentChanges"] as? [[String: Any]] ?? []
    guard let text = changes.last?["text"] as? String else { return }
    document.text = text
    document.version = item["version"] as? Int ?? document.version + 1
    documents[uri] = document
    let version = document.version
    queue.asyncAfter(deadline: .now() + pause) { [self] in
      // A later change has its own check; this version's results would be stale.
      guard documents[uri]?.version == version else { return }
      check(uri)
    }
  }

  private func didClose(_ params: [String: Any]) {
    guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String
    else { return }
    documents[uri] = nil
    publish(uri: uri, version: nil, diagnostics: [])
  }

  /// The file a document's uri names; another scheme's uri is its own name.
  static func path(of uri: String) -> String {
    guard uri.hasPrefix("file://"), let url = URL(string: uri) else { return uri }
    return url.path
  }

  // MARK: Diagnostics

  private func check(_ uri: String) {
    guard let document = documents[uri] else { return }
    // Only articles are read; the rule and data files an editor opens are left alone for now.
    guard ArticleFormat(path: document.path) != nil else {
      return publish(uri: uri, version: document.version, diagnostics: [])
    }
    let result = Session.checkDraft(
      document.text, path: document.path, options: options, registry: registry)
    let lines = DocumentLines(document.text)
    // Each file's lines once, however many figures in it the diagnostics use.
    var files = [document.path: lines]
    func linesOf(_ file: String) -> DocumentLines {
      if let known = files[file] { return known }
      let read = DocumentLines(
        String(decoding: (try? SourceFiles.read(file)) ?? [], as: UTF8.self))
      files[file] = read
      return read
    }
    var diagnostics: [[String: Any]] = []
    for diagnostic in result.diagnostics where diagnostic.location.file == document.path {
      var item: [String: Any] = [
        "range": lines.range(of: diagnostic.location, encoding: encoding),
        "severity": Self.severity(diagnostic.severity), "source": "factlint",
        "code": diagnostic.ruleID, "message": diagnostic.message,
      ]
      let related = diagnostic.notes.map { note in
        [
          "location": [
            "uri": note.location.file == document.path
              ? uri : URL(fileURLWithPath: note.location.file).absoluteString,
            "range": linesOf(note.location.file).range(of: note.location, encoding: encoding),
          ],
          "message": note.message,
        ]
      }
      if !related.isEmpty { item["relatedInformation"] = related }
      diagnostics.append(item)
    }
    // An input problem (a configuration that does not load, data that does not parse) is shown
    // where it is when it is in the draft, else at the draft's top with its place.
    for problem in result.problems {
      let inDraft = problem.location.file == document.path
      let location =
        inDraft ? problem.location : SourceLocation(file: document.path, line: 1, column: 1)
      diagnostics.append([
        "range": lines.range(of: location, encoding: encoding), "severity": 1,
        "source": "factlint", "code": "input",
        "message": inDraft ? problem.message : "\(problem.location): \(problem.message)",
      ])
    }
    publish(uri: uri, version: document.version, diagnostics: diagnostics)
  }

  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: 1
    case .warning: 2
    case .note: 3
    }
  }

  // MARK: Output

  private func publish(uri: String, version: Int?, diagnostics: [[String: Any]]) {
    var params: [String: Any] = ["uri": uri, "diagnostics": diagnostics]
    if let version { params["version"] = version }
    notify("textDocument/publishDiagnostics", params)
  }

  private func logMessage(_ text: String) {
    notify("window/logMessage", ["type": 1, "message": "factlint: \(text)"])
  }

  private func notify(_ method: String, _ params: [String: Any]) {
    write(["jsonrpc": "2.0", "method": method, "params": params])
  }

  private func respond(id: Any, result: Any) {
    write(["jsonrpc": "2.0", "id": id, "result": result])
  }

  private func respond(id: Any, error: (code: Int, message: String)) {
    write(["jsonrpc": "2.0", "id": id, "error": ["code": error.code, "message": error.message]])
  }

  private func write(_ message: [String: Any]) {
    guard
      let data = try? JSONSerialization.data(
        withJSONObject: message, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return }
    send(MessageReader.frame(Array(data)))
  }
}
