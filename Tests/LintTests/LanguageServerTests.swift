import FactlintLSP
import FactlintTestSupport
import Foundation
import RuleEngine
import Testing

/// `factlint lsp` driven as an editor drives it: the real binary, framed JSON-RPC on its
/// standard input and output.
@Suite struct LanguageServerTests {
  /// A client of one `factlint lsp` process.
  final class Client: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let lock = NSLock()
    private var reader = MessageReader()
    private var messages: [[String: Any]] = []

    init(in folder: URL) throws {
      process.executableURL = BinaryRunner.binary
      process.arguments = ["lsp"]
      process.currentDirectoryURL = folder
      process.standardInput = input
      process.standardOutput = output
      output.fileHandleForReading.readabilityHandler = { [self] handle in
        let data = handle.availableData
        lock.lock()
        defer { lock.unlock() }
        reader.append(Array(data))
        while let body = try? reader.next() {
          if let message = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] {
            messages.append(message)
          }
        }
      }
      try process.run()
    }

    func send(_ message: [String: Any]) throws {
      var message = message
      message["jsonrpc"] = "2.0"
      let body = try JSONSerialization.data(withJSONObject: message)
      try sendRaw(MessageReader.frame(Array(body)))
    }

    func sendRaw(_ bytes: [UInt8]) throws {
      try input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    /// The first message not yet taken that `matches`, waiting up to `timeout` seconds.
    func take(timeout: Double = 20, _ matches: ([String: Any]) -> Bool) -> [String: Any]? {
      let deadline = Date().addingTimeInterval(timeout)
      while Date() < deadline {
        lock.lock()
        if let index = messages.firstIndex(where: matches) {
          let message = messages.remove(at: index)
          lock.unlock()
          return message
        }
        lock.unlock()
        usleep(10_000)
      }
      return nil
    }

    func response(_ id: Int) -> [String: Any]? { take { $0["id"] as? Int == id } }

    /// The next diagnostics published for version `version`.
    func diagnostics(version: Int, timeout: Double = 20) -> [[String: Any]]? {
      let message = take(timeout: timeout) {
        $0["method"] as? String == "textDocument/publishDiagnostics"
          && ($0["params"] as? [String: Any])?["version"] as? Int == version
      }
      return (message?["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]]
    }

    /// The exit status, waiting up to `timeout` seconds; nil (and the server stopped) if it
    /// does not exit.
    func exitStatus(timeout: Double = 20) -> Int32? {
      let deadline = Date().addingTimeInterval(timeout)
      while process.isRunning && Date() < deadline { usleep(10_000) }
      guard !process.isRunning else {
        process.terminate()
        return nil
      }
      return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
  }

  static func folder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("factlint-lsp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
    return folder
  }

  static func range(_ diagnostic: [String: Any]) -> [Int] {
    let range = diagnostic["range"] as? [String: [String: Int]] ?? [:]
    return [
      range["start"]?["line"], range["start"]?["character"], range["end"]?["line"],
      range["end"]?["character"],
    ].map { $0 ?? -1 }
  }

  /// The edits an action makes to the document `uri`.
  static func edits(_ uri: String) -> ([String: Any]) -> [[String: Any]] {
    { action in
      ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]]
        ?? []
    }
  }

  /// `text` with `edit` applied, for text whose characters are one UTF-16 unit each.
  static func applying(_ edit: [String: Any], to text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let range = Self.range(edit)
    var line = Array(lines[range[0]])
    let replaced = String(line[..<range[1]]) + (edit["newText"] as? String ?? "")
    line = Array(line[range[3]...])
    lines[range[0]] = replaced + String(line)
    return lines.joined(separator: "\n")
  }

  /// Opens `text` as `draft.md` in a new session and returns the client, the uri and the
  /// diagnostics of version 1.
  static func session(_ text: String, in folder: URL, name: String = "draft.md") throws -> (
    Client, String, [[String: Any]]
  ) {
    let client = try Client(in: folder)
    let uri = folder.appendingPathComponent(name).absoluteString
    try client.send([
      "id": 1, "method": "initialize",
      "params": [
        "rootUri": folder.absoluteString, "capabilities": [:] as [String: Any],
        "initializationOptions": ["pauseMilliseconds": 20],
      ],
    ])
    _ = try #require(client.response(1))
    try client.send([
      "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": uri, "languageId": "x", "version": 1, "text": text]],
    ])
    return (client, uri, try #require(client.diagnostics(version: 1)))
  }

  func change(_ client: Client, _ uri: String, version: Int, to text: String) throws {
    try client.send([
      "method": "textDocument/didChange",
      "params": [
        "textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]],
      ],
    ])
  }

  @Test func bothCodeActionsMakeTheDiagnosticGoInAHardWrappedParagraph() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let text =
      "Acme Corp reported its results on Tuesday, and\n"
      + "revenue rose 25% to $2.73 billion in 2024 from $2.37 billion in 2023.\n"
    let (client, uri, opened) = try Self.session(text, in: folder)
    #expect(opened.map(Self.range) == [[1, 13, 1, 16]])
    try client.send([
      "id": 2, "method": "textDocument/codeAction",
      "params": [
        "textDocument": ["uri": uri],
        "range": ["start": ["line": 1, "character": 0], "end": ["line": 1, "character": 0]],
        "context": ["diagnostics": opened],
      ],
    ])
    let actions = try #require(client.response(2)?["result"] as? [[String: Any]])
    let edits = actions.map(Self.edits(uri))
    #expect(edits.map(\.count) == [1, 1])
    // The figure that agrees, written at the stated precision.
    #expect(edits.first?.first?["newText"] as? String == "15%")
    // The comment ends the line before: on a line of its own it would split the paragraph.
    #expect(Self.range(edits.last?.first ?? [:]) == [0, 46, 0, 46])
    for (version, edit) in [(2, edits[0][0]), (3, edits[1][0])] {
      try change(client, uri, version: version, to: Self.applying(edit, to: text))
      #expect(try #require(client.diagnostics(version: version)).isEmpty, "version \(version)")
    }
    // Hover outside any figure has no result; a document never opened is an error.
    try client.send([
      "id": 3, "method": "textDocument/hover",
      "params": ["textDocument": ["uri": uri], "position": ["line": 0, "character": 2]],
    ])
    #expect(client.response(3)?["result"] is NSNull)
    try client.send([
      "id": 4, "method": "textDocument/hover",
      "params": ["textDocument": ["uri": uri + "x"], "position": ["line": 0, "character": 2]],
    ])
    #expect((client.response(4)?["error"] as? [String: Any])?["code"] as? Int == -32602)
    try client.send(["id": 5, "method": "shutdown"])
    _ = client.response(5)
    try client.send(["method": "exit"])
    #expect(client.exitStatus() == 0)
  }

  @Test func ruleAndDataFilesAreLintedAsTheEditorHoldsThem() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let manager = FileManager.default
    try manager.createDirectory(
      at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
    try manager.createDirectory(
      at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
    try "data: [../data/]\nrules:\n  - { id: stated-growth, check: growth }\n".write(
      to: folder.appendingPathComponent("rules/desk.yml"), atomically: true, encoding: .utf8)
    let data =
      "entity: acme\nfigures:\n  - { metric: revenue, period: 2023, value: $100 million }\n"
      + "  - { metric: revenue, period: 2024, value: $150 million,\n"
      + "      change: { vs: previous year, stated: +50% } }\n"
    try data.write(
      to: folder.appendingPathComponent("data/acme.yml"), atomically: true, encoding: .utf8)
    // The buffer, not the file: the editor's text has a slip the file on disk does not.
    let edited = data.replacingOccurrences(of: "+50%", with: "+40%")
    let (client, _, opened) = try Self.session(edited, in: folder, name: "data/acme.yml")
    #expect(opened.map { $0["code"] as? String } == ["stated-growth"])
    #expect(opened.map(Self.range) == [[4, 43, 4, 47]])
    // A rule file with a check that does not exist: an input problem where it is written.
    let rules = try Self.session(
      "rules:\n  - { id: r, check: grwth }\n", in: folder, name: "rules/other.yml")
    #expect(rules.2.map { $0["code"] as? String } == ["input"])
    #expect(rules.2.first.map(Self.range)?[0] == 1)
    // Other YAML (a CI workflow) is not factlint's: no diagnostics, however it reads.
    let workflow = try Self.session(
      "on: push\njobs: { test: { runs-on: ubuntu } }\n", in: folder, name: ".github/ci.yml")
    #expect(workflow.2.isEmpty)
    for client in [client, rules.0, workflow.0] {
      try client.send(["method": "exit"])
      _ = client.exitStatus()
    }
  }

  /// Emoji and CJK before the figure: 2 UTF-16 units or 4 UTF-8 bytes each for 😀, 1 or 3 for 報.
  static let slip = "# 報告 😀\n\n😀 Acme said revenue rose 20% to $150 million from $100 million.\n"

  @Test(arguments: [
    ([String](), "utf-16", [2, 26, 2, 29]), (["utf-8", "utf-16"], "utf-8", [2, 28, 2, 31]),
    (["utf-32"], "utf-32", [2, 25, 2, 28]),
  ])
  func aSessionOfEditsGetsDiagnosticsAtTheirPlace(
    _ offered: [String], _ encoding: String, _ expected: [Int]
  ) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try Client(in: folder)
    let uri = folder.appendingPathComponent("draft.md").absoluteString
    try client.send([
      "id": 1, "method": "initialize",
      "params": [
        "capabilities": ["general": ["positionEncodings": offered]],
        "initializationOptions": ["pauseMilliseconds": 50],
      ],
    ])
    let initialized = try #require(client.response(1))
    let capabilities = (initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any]
    #expect(capabilities?["positionEncoding"] as? String == encoding)
    try client.send(["method": "initialized", "params": [:] as [String: Any]])

    // Opened with a slip: reported at once, at the figure.
    try client.send([
      "method": "textDocument/didOpen",
      "params": [
        "textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": Self.slip]
      ],
    ])
    let opened = try #require(client.diagnostics(version: 1))
    #expect(opened.count == 1)
    #expect(opened.first?["code"] as? String == "growth")
    #expect(opened.first?["source"] as? String == "factlint")
    #expect(opened.first?["severity"] as? Int == 1)
    #expect(Self.range(try #require(opened.first)) == expected)
    let related = opened.first?["relatedInformation"] as? [[String: Any]] ?? []
    #expect(related.count == 2)

    // Two quick edits: the first is superseded before the pause ends, so only the second is
    // checked; it fixes the slip.
    let fixed = Self.slip.replacingOccurrences(of: "20%", with: "50%")
    for (version, text) in [(2, Self.slip + "More.\n"), (3, fixed)] {
      try client.send([
        "method": "textDocument/didChange",
        "params": [
          "textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]],
        ],
      ])
    }
    #expect(try #require(client.diagnostics(version: 3)).isEmpty)
    #expect(client.diagnostics(version: 2, timeout: 0.2) == nil, "a superseded version was checked")

    // An edit that brings a slip back, on another line.
    try client.send([
      "method": "textDocument/didChange",
      "params": [
        "textDocument": ["uri": uri, "version": 4],
        "contentChanges": [["text": "Intro.\n\n" + Self.slip]],
      ],
    ])
    let again = try #require(client.diagnostics(version: 4))
    #expect(again.count == 1)
    let moved = [4, expected[1], 4, expected[3]]
    #expect(Self.range(try #require(again.first)) == moved)
    #expect(
      (again.first?["codeDescription"] as? [String: Any])?["href"] as? String
        == "https://github.com/factlint/factlint/blob/v\(FactlintVersion.number)/docs/checks.md#growth"
    )

    // Hover on the stated change: its value, precision, binding and the claim's arithmetic.
    try client.send([
      "id": 3, "method": "textDocument/hover",
      "params": [
        "textDocument": ["uri": uri], "position": ["line": 4, "character": expected[1] + 1],
      ],
    ])
    let hover = try #require(client.response(3)?["result"] as? [String: Any])
    let markdown = (hover["contents"] as? [String: Any])?["value"] as? String ?? ""
    #expect(markdown.hasPrefix("**20%** — error"))
    #expect(markdown.contains("- written precision: [19.5, 20.5]"))
    #expect(
      markdown.contains("(new - old) / |old| of $150 million and $100 million = +48.8% to +51.3%"))
    #expect(markdown.contains("- uses $100 million"))
    #expect(Self.range(hover) == moved)

    // Code actions at the diagnostic: the agreeing figure, and a suppression on its own line
    // before the paragraph.
    try client.send([
      "id": 4, "method": "textDocument/codeAction",
      "params": [
        "textDocument": ["uri": uri], "range": again.first?["range"] ?? [:],
        "context": ["diagnostics": again],
      ],
    ])
    let actions = try #require(client.response(4)?["result"] as? [[String: Any]])
    #expect(
      actions.map { $0["title"] as? String } == [
        "Write 50% instead of 20%", "Suppress growth on this line, with a reason",
      ])
    let edits = actions.map(Self.edits(uri))
    #expect(edits.first?.first?["newText"] as? String == "50%")
    #expect(Self.range(edits.first?.first ?? [:]) == moved)
    #expect(
      edits.last?.first?["newText"] as? String
        == "<!-- factlint-disable-next-line growth: REASON -->\n")
    #expect(Self.range(edits.last?.first ?? [:]) == [4, 0, 4, 0])

    try client.send(["id": 2, "method": "shutdown"])
    let shutdown = try #require(client.response(2))
    #expect(shutdown["result"] is NSNull)
    try client.send(["method": "exit"])
    #expect(client.exitStatus() == 0)
  }

  @Test func badMessagesAreAnsweredAndTheServerGoesOn() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let client = try Client(in: folder)
    // Before initialize, a request is refused.
    try client.send(["id": 1, "method": "textDocument/hover", "params": [:] as [String: Any]])
    #expect((client.response(1)?["error"] as? [String: Any])?["code"] as? Int == -32002)
    try client.send(["id": 2, "method": "initialize", "params": [:] as [String: Any]])
    #expect(client.response(2)?["result"] != nil)
    // Not JSON: a parse error; no Content-Length: logged and skipped; a body over the limit
    // (70 MB): skipped as it arrives.
    try client.sendRaw(MessageReader.frame(Array("{not json".utf8)))
    #expect(
      (client.take { $0["error"] != nil }?["error"] as? [String: Any])?["code"] as? Int == -32700)
    try client.sendRaw(Array("X-Other: 1\r\n\r\n".utf8))
    #expect(client.take { $0["method"] as? String == "window/logMessage" } != nil)
    let huge = 70 << 20
    try client.sendRaw(
      Array("Content-Length: \(huge)\r\n\r\n".utf8) + [UInt8](repeating: 0x20, count: huge))
    #expect(client.take { $0["method"] as? String == "window/logMessage" } != nil)
    // The server still answers: an unknown request gets -32601.
    try client.send(["id": 3, "method": "factlint/unknown", "params": [:] as [String: Any]])
    #expect((client.response(3)?["error"] as? [String: Any])?["code"] as? Int == -32601)
    // Exit without shutdown ends the server with 1.
    try client.send(["method": "exit"])
    #expect(client.exitStatus() == 1)
  }

  @Test func framingSurvivesAnySplit() throws {
    let bodies = ["{\"a\":1}", "{}", String(repeating: "x", count: 5_000)].map { Array($0.utf8) }
    let stream = bodies.flatMap(MessageReader.frame)
    for size in [1, 2, 7, 64, stream.count] {
      var reader = MessageReader()
      var read: [[UInt8]] = []
      var offset = 0
      while offset < stream.count {
        reader.append(stream[offset..<min(offset + size, stream.count)])
        offset += size
        while let body = try reader.next() { read.append(body) }
      }
      #expect(read == bodies, "pieces of \(size)")
    }
    // Each failure drops its message, so the next is read: a reader that kept it would fail
    // on it forever.
    var reader = MessageReader()
    reader.append(
      Array("Content-Length: x1\r\n\r\nContent-Type: a\r\n\r\n".utf8)
        + MessageReader.frame([0x32]))
    #expect(throws: MessageReader.Failure.invalidContentLength("x1")) { try reader.next() }
    #expect(throws: MessageReader.Failure.noContentLength) { try reader.next() }
    #expect(try reader.next() == [0x32])
    var small = MessageReader(bodyLimit: 10)
    small.append(MessageReader.frame(Array("0123456789ABC".utf8)) + MessageReader.frame([0x31]))
    #expect(throws: MessageReader.Failure.bodyTooLarge(13, limit: 10)) { try small.next() }
    #expect(try small.next() == [0x31])
  }
}
