import Dispatch
import FactlintCLI
import FactlintModel
import FactlintReading
import FactlintReporting
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
  /// What the last check of a document found, for hover and code actions.
  struct Checked {
    var version: Int
    var diagnostics: [Diagnostic]
    /// Inputs that could not be used: the document itself, its configuration or its data.
    var problems: [Problem]
    var articles: [CheckedArticle]
    /// The figures' verdicts and arithmetic, worked out on the first hover or code action: most
    /// checks are never hovered.
    var figures: [FigureInspection]?
  }

  private var reader = MessageReader()
  private var documents: [String: Document] = [:]
  private var checked: [String: Checked] = [:]
  /// The workspace folders from `initialize`, as paths.
  private var workspaceFolders: [String] = []
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
    case "textDocument/hover": hover(id: id ?? NSNull(), params)
    case "textDocument/codeAction": codeActions(id: id ?? NSNull(), params)
    case "workspace/didChangeWorkspaceFolders":
      let event = params["event"] as? [String: Any] ?? [:]
      func paths(_ key: String) -> [String] {
        (event[key] as? [[String: Any]] ?? []).compactMap { $0["uri"] as? String }.map(
          Self.path(of:))
      }
      let removed = Set(paths("removed"))
      workspaceFolders = workspaceFolders.filter { !removed.contains($0) } + paths("added")
      options.allowedPaths = options.allowedPaths.filter { !removed.contains($0) } + paths("added")
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
    let folders = (params["workspaceFolders"] as? [[String: Any]] ?? []).compactMap {
      $0["uri"] as? String
    }
    let root = params["rootUri"] as? String
    workspaceFolders = (folders.isEmpty ? root.map { [$0] } ?? [] : folders).map(Self.path(of:))
    // A workspace folder is the user's own: its files may name each other.
    options.allowedPaths += workspaceFolders
    respond(
      id: id,
      result: [
        "capabilities": [
          "positionEncoding": encoding.rawValue,
          "textDocumentSync": ["openClose": true, "change": 1],
          "hoverProvider": true,
          "codeActionProvider": ["codeActionKinds": ["quickfix"]],
          "workspace": [
            "workspaceFolders": ["supported": true, "changeNotifications": true]
          ],
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
    if let config = settings["config"] as? String {
      options.configPath = config.isEmpty ? nil : config
    }
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
    checked[uri] = nil
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
    let result = run(document)
    checked[uri] = result
    let lines = DocumentLines(document.text)
    let own = SourceFiles.absolute(document.path)
    // Each file's lines once, however many figures in it the diagnostics use.
    var files = [own: lines]
    func linesOf(_ file: String) -> DocumentLines {
      let path = SourceFiles.absolute(file)
      if let known = files[path] { return known }
      let text = documents.values.first { SourceFiles.absolute($0.path) == path }?.text
      let read = DocumentLines(
        text ?? String(decoding: (try? SourceFiles.read(file)) ?? [], as: UTF8.self))
      files[path] = read
      return read
    }
    let items = result.diagnostics.map { diagnostic in
      var item = self.item(
        diagnostic, range: lines.range(of: diagnostic.location, encoding: encoding))
      let related = diagnostic.notes.map { note in
        [
          "location": [
            "uri": SourceFiles.absolute(note.location.file) == own
              ? uri : URL(fileURLWithPath: SourceFiles.absolute(note.location.file)).absoluteString,
            "range": linesOf(note.location.file).range(of: note.location, encoding: encoding),
          ],
          "message": note.message,
        ]
      }
      if !related.isEmpty { item["relatedInformation"] = related }
      return item
    }
    publish(
      uri: uri, version: document.version,
      diagnostics: items + problems(result.problems, of: document, lines: lines))
  }

  /// Checks a document as its text stands, every open document's text standing in for its
  /// file: an article as `factlint check -` checks it, a rule or data file as `factlint lint`
  /// lints the rules that use it.
  private func run(_ document: Document) -> Checked {
    var overlay: [String: [UInt8]] = [:]
    for open in documents.values {
      overlay[SourceFiles.absolute(open.path)] = Array(open.text.utf8)
    }
    let own = SourceFiles.absolute(document.path)
    let result = SourceFiles.$overlay.withValue(overlay) { () -> LintResult? in
      if ArticleFormat(path: document.path) != nil {
        return Session.checkDraft(
          document.text, path: document.path, options: options, registry: registry,
          keepingArticles: true)
      }
      guard SourceFiles.extensions.contains(Self.fileExtension(document.path)) else { return nil }
      // Only rule, data and configuration files: other YAML is no business of factlint's.
      return Session.lintFile(
        document.path, within: workspaceFolders, options: options, registry: registry)
    }
    guard let result else {
      return Checked(version: document.version, diagnostics: [], problems: [], articles: [])
    }
    return Checked(
      version: document.version,
      diagnostics: result.diagnostics.filter { SourceFiles.absolute($0.location.file) == own },
      problems: result.problems, articles: result.articles)
  }

  /// A diagnostic as the protocol has it, with its rule's documentation.
  private func item(_ diagnostic: Diagnostic, range: [String: Any]) -> [String: Any] {
    var item: [String: Any] = [
      "range": range, "severity": Self.severity(diagnostic.severity), "source": "factlint",
      "code": diagnostic.ruleID, "message": diagnostic.message,
    ]
    let builtIn = registry.check(diagnostic.checkID) != nil
    item["codeDescription"] = [
      "href": FactlintVersion.documentation(ofCheck: diagnostic.checkID, isBuiltIn: builtIn)
    ]
    return item
  }

  /// An input problem (a configuration that does not load, data that does not parse) is shown
  /// where it is when it is in the document, else at the document's top with its place.
  private func problems(_ problems: [Problem], of document: Document, lines: DocumentLines)
    -> [[String: Any]]
  {
    let own = SourceFiles.absolute(document.path)
    return problems.map { problem in
      let inDocument = SourceFiles.absolute(problem.location.file) == own
      let location =
        inDocument ? problem.location : SourceLocation(file: document.path, line: 1, column: 1)
      return [
        "range": lines.range(of: location, encoding: encoding), "severity": 1,
        "source": "factlint", "code": "input",
        "message": inDocument ? problem.message : "\(problem.location): \(problem.message)",
      ]
    }
  }

  static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// The last check of `uri` at its current version, checking it now when a change is still
  /// waiting for the pause.
  private func current(_ uri: String) -> (Document, Checked)? {
    guard let document = documents[uri] else { return nil }
    var result = checked[uri]
    if result?.version != document.version { result = run(document) }
    guard var result else { return nil }
    if result.figures == nil {
      result.figures = result.articles.flatMap {
        DraftInspection.figures(of: $0, registry: registry)
      }
    }
    checked[uri] = result
    return (document, result)
  }

  // MARK: Hover and code actions

  private func hover(id: Any, _ params: [String: Any]) {
    guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
      let position = Self.position(params["position"])
    else { return respond(id: id, error: (-32602, "hover needs a textDocument and a position")) }
    guard let (document, result) = current(uri) else {
      return respond(id: id, error: (-32602, "no open document has the uri '\(uri)'"))
    }
    let lines = DocumentLines(document.text)
    for inspection in result.figures ?? [] {
      let range = figureRange(inspection.figure, lines: lines)
      guard Self.contains(range, position) else { continue }
      return respond(
        id: id,
        result: [
          "contents": ["kind": "markdown", "value": DraftInspection.markdown(inspection)],
          "range": Self.json(range),
        ])
    }
    respond(id: id, result: NSNull())
  }

  private func codeActions(id: Any, _ params: [String: Any]) {
    guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
      let range = params["range"] as? [String: Any],
      let start = Self.position(range["start"]), let end = Self.position(range["end"])
    else {
      return respond(id: id, error: (-32602, "codeAction needs a textDocument and a range"))
    }
    guard let (document, result) = current(uri) else {
      return respond(id: id, error: (-32602, "no open document has the uri '\(uri)'"))
    }
    let lines = DocumentLines(document.text)
    var actions: [[String: Any]] = []
    for diagnostic in result.diagnostics where diagnostic.severity != .note {
      let span = lines.span(of: diagnostic.location, encoding: encoding)
      guard span.start.line <= end.line, span.end.line >= start.line else { continue }
      let item = self.item(
        diagnostic, range: lines.range(of: diagnostic.location, encoding: encoding))
      if let replacement = diagnostic.replacement,
        let edit = replacementEdit(replacement, in: document, result: result, lines: lines)
      {
        actions.append([
          "title": "Write \(replacement.text) instead of \(replacement.written)",
          "kind": "quickfix", "isPreferred": true, "diagnostics": [item],
          "edit": ["changes": [uri: [edit]]],
        ])
      }
      if let edit = suppressionEdit(diagnostic, in: document, lines: lines) {
        actions.append([
          "title": "Suppress \(diagnostic.ruleID) on this line, with a reason",
          "kind": "quickfix", "diagnostics": [item], "edit": ["changes": [uri: [edit]]],
        ])
      }
    }
    respond(id: id, result: actions)
  }

  /// The edit that writes `replacement` over its figure, when the document still has the figure
  /// as it was written there.
  private func replacementEdit(
    _ replacement: Replacement, in document: Document, result: Checked, lines: DocumentLines
  ) -> [String: Any]? {
    guard
      let figure = result.figures?.first(where: {
        $0.figure.figure.location == replacement.location
      })?.figure, let bytes = figure.bytes
    else { return nil }
    let text = Array(document.text.utf8)
    guard bytes.upperBound <= text.count,
      String(decoding: text[bytes], as: UTF8.self) == replacement.written
    else { return nil }
    return ["range": Self.json(figureRange(figure, lines: lines)), "newText": replacement.text]
  }

  /// The edit that inserts a `factlint-disable-next-line` comment for the diagnostic's rule,
  /// with a reason to fill in, so that it covers the diagnostic's line: on a line of its own
  /// before a paragraph's first line, else at the end of the line before, inside the paragraph
  /// (a comment on a line of its own would end a hard-wrapped paragraph).
  private func suppressionEdit(
    _ diagnostic: Diagnostic, in document: Document, lines: DocumentLines
  )
    -> [String: Any]?
  {
    guard let format = ArticleFormat(path: document.path), format == .markdown || format == .html
    else { return nil }
    let comment = "<!-- factlint-disable-next-line \(diagnostic.ruleID): REASON -->"
    let line = diagnostic.location.line
    let previous = line >= 2 ? lines.text(ofLine: line - 1) : nil
    if let previous, !previous.allSatisfy(\.isWhitespace) {
      let end = lines.position(
        line: line - 1, column: previous.unicodeScalars.count + 1, encoding: encoding)
      let at = ["line": end.line, "character": end.character]
      return ["range": ["start": at, "end": at], "newText": " " + comment]
    }
    let at = ["line": line - 1, "character": 0]
    let indent = String(lines.text(ofLine: line).prefix { $0 == " " || $0 == "\t" })
    return ["range": ["start": at, "end": at], "newText": indent + comment + "\n"]
  }

  /// A figure's range in the document: from its first character to just past its last.
  private func figureRange(_ figure: ExtractedFigure, lines: DocumentLines) -> DocumentLines.Span {
    let location = figure.figure.location
    guard let end = figure.end else { return lines.span(of: location, encoding: encoding) }
    return DocumentLines.Span(
      start: lines.position(line: location.line, column: location.column, encoding: encoding),
      end: lines.position(line: end.line, column: end.column, encoding: encoding))
  }

  static func position(_ value: Any?) -> (line: Int, character: Int)? {
    guard let value = value as? [String: Any], let line = value["line"] as? Int,
      let character = value["character"] as? Int
    else { return nil }
    return (line, character)
  }

  static func contains(_ span: DocumentLines.Span, _ position: (line: Int, character: Int)) -> Bool
  {
    (span.start.line, span.start.character) <= position
      && position < (span.end.line, span.end.character)
  }

  static func json(_ span: DocumentLines.Span) -> [String: Any] {
    [
      "start": ["line": span.start.line, "character": span.start.character],
      "end": ["line": span.end.line, "character": span.end.character],
    ]
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
