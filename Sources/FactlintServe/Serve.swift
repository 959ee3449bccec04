import ArgumentParser
import Checks
import FactlintCLI
import FactlintModel
import FactlintReporting
import Foundation
import Hummingbird
import RuleEngine

/// `factlint serve` (this program, `factlint-serve`): a page for editors on a local HTTP server.
/// A draft is pasted or uploaded, checked by the same run as `factlint check -`, and shown with
/// every figure marked by its verdict.
@main
struct Serve: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "factlint serve",
    abstract: "Serve a page that checks drafts as editors paste or upload them.",
    discussion: """
      The page is at http://HOST:PORT/; POST /api/check takes a draft and returns what \
      `factlint check - --format json` prints. Drafts are checked against the configuration \
      found from the folder the server runs in (or --config); no request names a file to read.
      """,
    version: "factlint \(FactlintVersion.number)")

  @Option(help: "The address to listen on; another than 127.0.0.1 opens the page to the network.")
  var host = "127.0.0.1"

  @Option(help: "The port to listen on; 0 picks a free one, printed once listening.")
  var port = 8080

  @Option(help: "The configuration file (default: the nearest .factlint.yml above here).")
  var config: String?

  @Option(name: .customLong("max-bytes"), help: "The largest draft a request may send, in bytes.")
  var maxBytes = 4 << 20

  @Flag(
    name: .customLong("allow-plugins"),
    help: "Let plugin checks run their commands; off unless given.")
  var allowPlugins = false

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
    guard maxBytes > 0 else { throw ValidationError("--max-bytes must be positive") }
  }

  func run() async throws {
    var options = RunOptions()
    options.configPath = config
    options.allowPlugins = allowPlugins
    if let config, !FileManager.default.isReadableFile(atPath: config) {
      FileHandle.standardError.write(
        Data(
          "\(config):1:1: error: the configuration file was not found; give an existing file to --config\n"
            .utf8))
      throw ExitCode(2)
    }
    let drafts = DraftService(options: options, registry: .builtin, maxBytes: maxBytes)
    let router = Router()
    router.get("/") { _, _ in
      Response(
        status: .ok, headers: Self.headers("text/html; charset=utf-8"),
        body: .init(byteBuffer: ByteBuffer(string: PageAssets.page)))
    }
    router.post("/api/check") { request, _ in
      let (name, text) = try await drafts.draft(of: request)
      let outcome = drafts.checkJSON(text, name: name)
      var headers = Self.headers("application/json")
      headers[.init("X-Factlint-Exit-Status")!] = String(outcome.status)
      return Response(
        status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: outcome.output)))
    }
    router.post("/api/page") { request, _ in
      let (name, text) = try await drafts.draft(of: request)
      return Response(
        status: .ok, headers: Self.headers("text/html; charset=utf-8"),
        body: .init(byteBuffer: ByteBuffer(string: drafts.fragment(text, name: name))))
    }
    let app = Application(
      router: router,
      configuration: .init(address: .hostname(host, port: port), serverName: "factlint"),
      onServerRunning: { channel in
        let bound = channel.localAddress?.port ?? port
        // Written at once, unbuffered: a script waits for this line to know the port.
        FileHandle.standardOutput.write(
          Data("factlint serve: listening on http://\(host):\(bound)/\n".utf8))
      })
    try await app.runService()
  }

  /// The headers of every response: its type, and a page that runs only its own script.
  static func headers(_ type: String) -> HTTPFields {
    [
      .contentType: type,
      .init("Content-Security-Policy")!:
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; "
        + "connect-src 'self'; img-src 'self' data:",
      .init("X-Content-Type-Options")!: "nosniff",
    ]
  }
}

/// Reads drafts from requests and checks them.
struct DraftService: Sendable {
  let options: RunOptions
  let registry: CheckRegistry
  let maxBytes: Int

  /// The draft's name and text: the body, at most `maxBytes` (a larger one is refused with 413),
  /// named by the `name` query item, of which only the file name's letters are kept.
  func draft(of request: Request) async throws -> (String, String) {
    let body = try await request.body.collect(upTo: maxBytes)
    let name = Self.safeName(request.uri.queryParameters.get("name"))
    guard let text = body.getString(at: body.readerIndex, length: body.readableBytes) else {
      throw HTTPError(.badRequest, message: "the draft is not UTF-8 text")
    }
    return (name, text)
  }

  /// The file name a draft is checked as: the last part of `given`, of letters, digits, `.`,
  /// `-` and `_`, at most 100 characters, else `draft.md`. It picks the draft's format by its
  /// extension and names it in diagnostics; it is never read, and its folder is the server's.
  static func safeName(_ given: String?) -> String {
    let last = given?.split(separator: "/").last.map(String.init) ?? ""
    let kept = String(
      last.unicodeScalars.filter {
        $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0))
      }
      .prefix(100).map(Character.init))
    guard !kept.isEmpty, !kept.hasPrefix("."), kept.contains(".") else { return "draft.md" }
    return kept
  }

  /// What `factlint check - --stdin-path NAME --format json` prints for the draft.
  func checkJSON(_ text: String, name: String) -> Outcome {
    var options = options
    options.format = JSONReporter.id
    return Session.check(
      articles: ["-"], data: [], rules: [],
      standardInput: ArticleRun.StandardInput(name: name, bytes: Array(text.utf8)),
      options: options, registry: registry)
  }

  /// The page's fragment for the draft.
  func fragment(_ text: String, name: String) -> String {
    let result = Session.checkDraft(
      text, path: name, options: options, registry: registry, keepingArticles: true)
    let found = options.configPath ?? Configuration.find(from: ".")
    return DraftPage(result: result, registry: registry, configurationPath: found).fragment()
  }
}
