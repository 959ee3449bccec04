import FactlintTestSupport
import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `factlint serve` run as a user runs it, spoken to by a real HTTP client, and its page
/// rendered by headless Chromium.
@Suite(.serialized) struct ServeTests {
  /// A running `factlint serve` in a folder of its own, with a configuration and data.
  final class Server: @unchecked Sendable {
    let process = Process()
    let folder: URL
    private(set) var port = 0
    private let output = Pipe()

    init(arguments: [String] = []) throws {
      folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("factlint-serve-\(UUID().uuidString)")
      let manager = FileManager.default
      try manager.createDirectory(
        at: folder.appendingPathComponent("data"), withIntermediateDirectories: true)
      try manager.createDirectory(
        at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
      try "data: [data/]\n".write(
        to: folder.appendingPathComponent(".factlint.yml"), atomically: true, encoding: .utf8)
      try """
      entity: acme
      figures:
        - { metric: revenue, period: 2023, value: $2.37 billion }
        - { metric: revenue, period: 2024, value: $2.73 billion }
      aliases:
        entities: { acme: [Acme, Acme Corp] }

      """.write(
        to: folder.appendingPathComponent("data/acme.yml"), atomically: true, encoding: .utf8)
      process.executableURL = BinaryRunner.binary
      process.arguments = ["serve", "--port", "0"] + arguments
      process.currentDirectoryURL = folder
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      try process.run()
      // The port is known once the server says where it listens.
      var printed = ""
      let deadline = Date().addingTimeInterval(30)
      while Date() < deadline, process.isRunning, !printed.contains("\n") {
        printed += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
      }
      listening = printed
      let digits = printed.split(separator: ":").last?.prefix { $0.isNumber } ?? ""
      port = Int(digits) ?? 0
    }

    /// The line the server printed once it listened.
    private(set) var listening = ""

    var base: String { "http://127.0.0.1:\(port)" }

    deinit {
      if process.isRunning {
        process.terminate()
        process.waitUntilExit()
      }
      try? FileManager.default.removeItem(at: folder)
    }
  }

  struct Reply {
    var status: Int
    var headers: [String: String]
    var body: String
  }

  /// A request through URLSession, waiting for its reply.
  static func request(_ url: String, method: String = "GET", body: Data? = nil) throws -> Reply {
    var request = URLRequest(url: try #require(URL(string: url)))
    request.httpMethod = method
    request.httpBody = body
    request.timeoutInterval = 60
    nonisolated(unsafe) var reply: Reply?
    nonisolated(unsafe) var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
    URLSession.shared.dataTask(with: request) { data, response, error in
      if let response = response as? HTTPURLResponse {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
          headers[String(describing: name).lowercased()] = String(describing: value)
        }
        reply = Reply(
          status: response.statusCode, headers: headers,
          body: String(decoding: data ?? Data(), as: UTF8.self))
      }
      failure = error
      done.signal()
    }.resume()
    done.wait()
    if let failure { throw failure }
    return try #require(reply)
  }

  /// A draft with a slip, two figures that agree with the data, a total that does not add up,
  /// and a change whose base is missing.
  static let draft = """
    # Acme's record year

    Acme Corp said on Tuesday that revenue rose 25% to $2.73 billion in 2024 from $2.37 billion \
    in 2023.

    Operating profit of $410 million was made up of $240 million from software and $150 million \
    from services.

    Shipments rose 70% from the previous quarter to 23.16 million units, the company said.

    """

  @Test func theAPIReturnsWhatCheckPrints() throws {
    let server = try Server()
    #expect(server.listening.hasPrefix("factlint serve: listening on http://127.0.0.1:"))
    let reply = try Self.request(
      server.base + "/api/check?name=draft.md", method: "POST", body: Data(Self.draft.utf8))
    #expect(reply.status == 200)
    #expect(reply.headers["content-type"] == "application/json")
    #expect(reply.headers["x-factlint-exit-status"] == "1")
    let printed = try BinaryRunner.run(
      ["check", "-", "--stdin-path", "draft.md", "--format", "json"], in: server.folder,
      input: Self.draft)
    #expect(printed.status == 1)
    #expect(reply.body == printed.output)
    #expect(reply.body.contains("\"rule\": \"growth\""))
  }

  @Test func aRequestNamesNoFileAndWhatItSendsIsEscaped() throws {
    let server = try Server()
    // A name is a file name for the format and the diagnostics, never a path to read.
    for (given, used) in [
      ("..%2F..%2Fetc%2Fpasswd.md", "passwd.md"), ("%2Fetc%2Fpasswd", "draft.md"),
      ("a%3Cb%3E.md", "ab.md"),
    ] {
      let reply = try Self.request(
        server.base + "/api/check?name=\(given)", method: "POST",
        body: Data(
          "Acme revenue rose 25% to $2.73 billion in 2024 from $2.37 billion in 2023.".utf8))
      #expect(reply.body.contains("\"file\": \"\(used)\""), "\(given): \(reply.body)")
    }
    let hostile =
      "<script>alert(1)</script> Acme's \"revenue\" rose 25% to $2.73 billion in 2024 from "
      + "$2.37 billion in 2023. <img src=x onerror=alert(2)>"
    let page = try Self.request(
      server.base + "/api/page?name=draft.txt", method: "POST", body: Data(hostile.utf8))
    #expect(page.status == 200)
    #expect(!page.body.contains("<script"))
    #expect(!page.body.contains("<img"))
    #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(page.body.contains("Acme&#39;s &quot;revenue&quot;"))
    #expect(page.body.contains("<mark class=\"figure error\" data-figure=\"0\""))
    let home = try Self.request(server.base + "/")
    #expect(home.status == 200)
    #expect(home.headers["content-security-policy"]?.contains("default-src 'none'") == true)
    #expect(home.body.contains("<textarea id=\"draft\""))
    #expect(try Self.request(server.base + "/etc/passwd").status == 404)
  }

  @Test func aDraftOverTheLimitIsRefused() throws {
    let server = try Server(arguments: ["--max-bytes", "1000"])
    let reply = try Self.request(
      server.base + "/api/check", method: "POST",
      body: Data(String(repeating: "Revenue was $1 million. ", count: 100).utf8))
    #expect(reply.status == 413)
    let small = try Self.request(
      server.base + "/api/check", method: "POST", body: Data("Revenue was $1 million.".utf8))
    #expect(small.status == 200)
  }

  /// Debian's `chromium`, which the README's test command installs.
  static var chromium: String? {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }

  /// Runs headless Chromium on `url` with `arguments`, returning what it printed.
  static func chromium(_ url: String, _ arguments: [String], profile: URL) throws -> String {
    let browser = try #require(chromium)
    let run = try BinaryRunner.runProgram(
      [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=\(profile.path)", "--virtual-time-budget=10000",
      ] + arguments + [url], timeout: 90)
    return run.output
  }

  @Test func thePageMarksEveryFigureInChromium() throws {
    guard Self.chromium != nil else {
      let message = "ServeTests: skipped the Chromium test: no chromium (apt-get install chromium)"
      print(message)
      #expect(ProcessInfo.processInfo.environment["CI"] != "true", "\(message), which CI needs")
      return
    }
    let server = try Server()
    var fragment = URLComponents()
    fragment.queryItems = [
      URLQueryItem(name: "name", value: "draft.md"), URLQueryItem(name: "draft", value: Self.draft),
    ]
    let encoded = (fragment.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    let url = server.base + "/#" + encoded
    let profile = server.folder.appendingPathComponent("chromium")
    let dom = try Self.chromium(url, ["--dump-dom"], profile: profile)
    #expect(dom.contains("data-state=\"checked\""), "the page did not finish: \(dom.suffix(500))")
    let marks = Self.marks(in: dom)
    #expect(
      marks == [
        ["error", "25%"], ["agrees", "$2.73 billion"], ["agrees", "$2.37 billion"],
        ["error", "$410 million"], ["agrees", "$240 million"], ["agrees", "$150 million"],
        ["unverified", "70%"], ["unverified", "23.16 million"],
      ])
    // The side panel shows the first error's arithmetic, and the data it was checked against
    // is listed.
    #expect(dom.contains("(new - old) / |old| of $2.73 billion and $2.37 billion"))
    #expect(dom.contains("<code>data/acme.yml</code>: 2 figures"))
    #expect(dom.contains("2 errors, 0 warnings; 8 figures: 4 agree, 2 errors, 2 unverified"))

    let screenshot = server.folder.appendingPathComponent("serve.png")
    _ = try Self.chromium(
      url, ["--hide-scrollbars", "--window-size=1280,760", "--screenshot=\(screenshot.path)"],
      profile: profile)
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    #expect(png.count > 20_000, "a page with text in it is more than a blank image")
    if ProcessInfo.processInfo.environment["FACTLINT_UPDATE_SCREENSHOT"] == "1" {
      try png.write(to: BinaryRunner.packageRoot.appendingPathComponent("docs/serve.png"))
    }
  }

  /// The figure marks in the draft (not the legend), as [verdict, text].
  static func marks(in dom: String) -> [[String]] {
    var found: [[String]] = []
    var rest = Substring(dom)
    while let start = rest.range(of: "<mark class=\"figure ") {
      rest = rest[start.upperBound...]
      guard let close = rest.range(of: "</mark>"), let tagEnd = rest.firstIndex(of: ">") else {
        break
      }
      let tag = rest[..<tagEnd]
      let verdict = String(tag.prefix { $0 != "\"" && $0 != " " })
      if tag.contains("data-figure") {
        found.append([verdict, String(rest[rest.index(after: tagEnd)..<close.lowerBound])])
      }
      rest = rest[close.upperBound...]
    }
    return found
  }
}
