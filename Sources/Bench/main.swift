import BenchSupport
import Checks
import Dispatch
import FactlintLSP
import FactlintModel
import FactlintReading
import FactlintTestSupport
import FactlintYAML
import Foundation
import RuleEngine

// factlint's benchmark: generates corpora and measures loading and extraction. `make bench` runs
// it with the peers; `swift run -c release factlint-bench extract 64` measures extraction alone.
// Prints `name: value` lines.

extension SeededGenerator {
  /// A number in `range`.
  mutating func int(_ range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// One of `items`.
  mutating func pick<T>(_ items: [T]) -> T { items.randomElement(using: &self)! }

  /// A value with one or two decimals, as a writer rounds it.
  mutating func amount(_ range: ClosedRange<Int>) -> String {
    let whole = int(range)
    return int(0...1) == 0 ? "\(whole).\(int(0...9))" : "\(whole).\(int(10...99))"
  }
}

/// One article in the style of the labelled corpus, with changes, conversions, compositions,
/// shares and restatements among plain figures.
func article(_ generator: inout SeededGenerator, index: Int) -> String {
  let company =
    generator.pick(["Lumo", "Halden", "Voltra", "Kaltis", "Marveil", "Brewline"])
    + generator.pick(["", " Group", " Holdings", " Mobile", " Energy"])
  let year = generator.int(2015...2025)
  let quarter = generator.int(1...4)
  let revenue = generator.amount(10...90)
  let growth = generator.int(1...40)
  let old = generator.amount(10...90)
  let units = generator.amount(2...60)
  let share = generator.int(10...60)
  let currency = generator.pick(["$", "€", "£", "RMB ", "HK$"])
  return """
    ---
    title: \(company) reports quarter \(index)
    date: \(year)-0\(quarter * 3)-15
    ---

    # \(company) results for Q\(quarter) \(year)

    \(company) said on Tuesday that revenue rose \(growth)% to \(currency)\(revenue) billion in \
    Q\(quarter) \(year) from \(currency)\(old) billion a year earlier, helped by demand in Asia.

    The company shipped \(units) million units in the quarter, an increase of \(growth) per cent \
    from the previous quarter. Operating profit was \(currency)\(generator.amount(1...9)) billion, \
    an operating margin of \(generator.amount(5...30))% on revenue of \(currency)\(revenue) billion.

    Revenue of \(currency)\(revenue) billion ($\(generator.amount(1...20)) billion) included \
    \(currency)\(generator.amount(1...9)) billion from services and \
    \(currency)\(generator.amount(1...9)) billion from devices. Overseas markets made up \
    \(share)% of revenue, with \(generator.int(1_000...9_999)) employees in \
    \(generator.int(10...99)) countries.

    `note: \(generator.int(1...999))` <!-- checked \(generator.int(1...99)) -->
    Shares closed at \(currency)\(generator.amount(10...400)), up \(generator.amount(1...9))% on \
    the day, and nearly \(generator.int(2...9)) million investors hold them.

    """
}

/// Extracts every article on all cores; returns the figures and claims found.
func extractAll(_ articles: [[UInt8]], chunks: Int) -> (figures: Int, claims: Int) {
  let results = UnsafeMutableBufferPointer<(figures: Int, claims: Int)>.allocate(capacity: chunks)
  results.initialize(repeating: (0, 0))
  defer { results.deallocate() }
  let extractor = Extractor()
  nonisolated(unsafe) let slots = results
  DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
    var figures = 0
    var claims = 0
    var index = chunk
    while index < articles.count {
      if let read = try? ArticleReader.parse(
        articles[index], path: "bench-\(index).md", format: .markdown)
      {
        for article in read {
          let extraction = extractor.extract(article)
          figures += extraction.figures.count
          claims += extraction.claims.count
        }
      }
      index += chunks
    }
    slots[chunk] = (figures, claims)
  }
  return results.reduce((0, 0)) { ($0.0 + $1.figures, $0.1 + $1.claims) }
}

/// Seconds since an arbitrary start, for timing.
func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

func formatted(_ value: Double) -> String { String(format: "%.2f", value) }

/// `extract [MB] [SEED]`: article extraction throughput on a generated corpus, all cores.
func extractBenchmark(_ arguments: ArraySlice<String>) {
  let megabytes = arguments.first.flatMap(Int.init) ?? 64
  let seed = arguments.dropFirst().first.flatMap(UInt64.init) ?? 1
  let articles = generateArticles(megabytes: megabytes, seed: seed)
  let total = articles.reduce(0) { $0 + $1.count }
  let cores = ProcessInfo.processInfo.activeProcessorCount
  let start = now()
  let (figures, claims) = extractAll(articles, chunks: cores * 8)
  let seconds = now() - start
  print("extract_corpus_mb: \(String(format: "%.1f", Double(total) / 1e6))")
  print("extract_articles: \(articles.count)")
  print("extract_cores: \(cores)")
  print("extract_figures: \(figures)")
  print("extract_claims: \(claims)")
  print("extract_seconds: \(formatted(seconds))")
  print("extract_mb_per_s: \(formatted(Double(total) / 1e6 / seconds))")
}

/// `draft [FIGURES] [WORDS] [SEED]`: checking a draft of about WORDS words against a dataset of
/// FIGURES figures, after the data is built: the time to read the draft's figures and claims
/// and check them, the data's figures among them.
func draftBenchmark(_ arguments: ArraySlice<String>) throws {
  let count = arguments.first.flatMap(Int.init) ?? 1_000_000
  let words = arguments.dropFirst().first.flatMap(Int.init) ?? 5_000
  var generator = SeededGenerator(seed: arguments.dropFirst(2).first.flatMap(UInt64.init) ?? 1)
  // A hundred years of revenue for each company, in millions with one decimal.
  let years = 1926...2025
  var loadStart = now()
  var figures: [Figure] = []
  figures.reserveCapacity(count)
  let location = SourceLocation(file: "data.yml", line: 1, column: 1)
  var company = 0
  while figures.count < count {
    for year in years where figures.count < count {
      let tenths = generator.int(10_000...999_999)
      let quantity = try QuantityParser.parse("RMB \(tenths / 10).\(tenths % 10) million")
      figures.append(
        Figure(
          key: FigureKey(
            entity: "company\(company)", metric: "revenue", period: Period(year: year)),
          quantity: quantity, location: location))
    }
    company += 1
  }
  var aliases = Aliases()
  aliases.entities["Kestrel"] = "company7"
  let data = Dataset(figures: figures, aliases: aliases)
  let loadSeconds = now() - loadStart
  // The draft: sentences of about ten words, each stating a year's revenue as the data has it
  // or, one in ten, with two digits swapped.
  var sentences: [String] = []
  var planted = 0
  while sentences.count * 10 < words {
    let year = generator.int(years.lowerBound...years.upperBound)
    let held = data.figures(
      for: FigureKey(entity: "company7", metric: "revenue", period: Period(year: year)))
    guard var text = held.first?.quantity.text else { continue }
    if sentences.count % 10 == 9, let swapped = swapDigits(text) {
      text = swapped
      planted += 1
    }
    sentences.append("Kestrel said its revenue was \(text) in \(year), the company said.")
  }
  var draft = "---\ndate: 2026-03-01\n---\n# Kestrel over the years\n\n"
  for start in stride(from: 0, to: sentences.count, by: 5) {
    draft += sentences[start..<min(start + 5, sentences.count)].joined(separator: " ") + "\n\n"
  }
  loadStart = now()
  let articles = try ArticleReader.parse(Array(draft.utf8), path: "draft.md", format: .markdown)
  let extractor = Extractor(aliases: data.aliases)
  let extractions = articles.map { ($0, extractor.extract($0)) }
  let result = ArticleRun(registry: .builtin).check(
    ArticleRun.Inputs(data: data, extractions: extractions, fileCount: 1))
  let checkSeconds = now() - loadStart
  print("draft_data_figures: \(data.figures.count)")
  print("draft_words: \(draft.split(whereSeparator: \.isWhitespace).count)")
  print("draft_figures: \(extractions.reduce(0) { $0 + $1.1.figures.count })")
  print("draft_planted: \(planted)")
  print("draft_findings: \(result.diagnostics.count)")
  print("draft_data_build_seconds: \(formatted(loadSeconds))")
  print("draft_check_seconds: \(formatted(checkSeconds))")
  if arguments.contains("--verbose") {
    for diagnostic in result.diagnostics {
      print("  \(diagnostic.location): \(diagnostic.message)")
    }
  }
}

/// `text` with its last two different digits swapped: "RMB 52.7 million" is "RMB 57.2 million".
func swapDigits(_ text: String) -> String? {
  var characters = Array(text)
  let digits = characters.indices.filter { characters[$0].isNumber }
  guard digits.count >= 2 else { return nil }
  let (first, second) = (digits[digits.count - 2], digits[digits.count - 1])
  guard characters[first] != characters[second] else { return nil }
  characters.swapAt(first, second)
  return String(characters)
}

/// Generated Markdown articles of about `megabytes` MB in all.
func generateArticles(megabytes: Int, seed: UInt64) -> [[UInt8]] {
  var generator = SeededGenerator(seed: seed)
  var articles: [[UInt8]] = []
  var total = 0
  while total < megabytes * 1_000_000 {
    let bytes = Array(article(&generator, index: articles.count).utf8)
    total += bytes.count
    articles.append(bytes)
  }
  return articles
}

/// `articles MB DIR [SEED]`: writes the generated articles' prose as one text file, for peers.
func writeArticles(_ arguments: ArraySlice<String>) throws {
  let megabytes = arguments.first.flatMap(Int.init) ?? 1
  let path = arguments.dropFirst().first ?? "articles.txt"
  let seed = arguments.dropFirst(2).first.flatMap(UInt64.init) ?? 1
  let text = generateArticles(megabytes: megabytes, seed: seed).map {
    String(decoding: $0, as: UTF8.self)
  }.joined(separator: "\n")
  try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// `data FIGURES DIR [SEED]`: writes DIR/data.yml and DIR/rules.yml.
func writeData(_ arguments: ArraySlice<String>) throws {
  let figures = arguments.first.flatMap(Int.init) ?? 10_000
  let folder = arguments.dropFirst().first ?? "."
  let seed = arguments.dropFirst(2).first.flatMap(UInt64.init) ?? 1
  var generator = DatasetGenerator(seed: seed)
  let output = generator.generate(figures: figures)
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try output.data.write(toFile: folder + "/data.yml", atomically: true, encoding: .utf8)
  try output.rules.write(toFile: folder + "/rules.yml", atomically: true, encoding: .utf8)
  print("figures: \(output.figureCount)")
  print("rules: \(output.ruleCount)")
  print("planted: \(output.planted.count)")
}

/// `yaml FILE`: loading a file into located nodes, best of three runs.
func yamlBenchmark(_ arguments: ArraySlice<String>) throws {
  let path = arguments.first ?? "data.yml"
  let bytes = try SourceFiles.read(path)
  var best = Double.infinity
  var nodes = 0
  for _ in 0..<3 {
    let start = now()
    let root = try YAMLParser.parse(bytes)
    best = min(best, now() - start)
    nodes = root?["figures"]?.sequence?.count ?? 0
  }
  print("yaml_file_mb: \(String(format: "%.1f", Double(bytes.count) / 1e6))")
  print("yaml_figures: \(nodes)")
  print("yaml_seconds: \(formatted(best))")
  print("yaml_mb_per_s: \(formatted(Double(bytes.count) / 1e6 / best))")
}

/// A generated article with its line breaks made spaces: prose with figures and claims that,
/// repeated, is one paragraph on one line.
let oneLineArticle: String = {
  var generator = SeededGenerator(seed: 7)
  return String(article(&generator, index: 0).map { $0 == "\n" ? " " : $0 })
}()

/// The patterns whose runs made the readers or the extractor slow down more than linearly, and
/// the forms that read them. Each is repeated to fill an article with no other text.
let pathologicalPatterns: [(name: String, unit: String, format: ArticleFormat)] = [
  ("link openers", "[a](", .markdown), ("autolinks", "<http://", .markdown),
  ("grouped digits", "1,", .markdown), ("dollar signs", "$", .markdown),
  ("entities", "&amp", .html), ("entities in Markdown", "&amp", .markdown),
  ("brackets", "[", .markdown), ("emphasis", "*a", .markdown), ("code spans", "`a", .markdown),
  ("comments", "<!--", .markdown), ("tags", "<a ", .html), ("figures", "5% ", .markdown),
  ("decimals", "1.", .markdown), ("words", "revenue rose ", .text),
  ("HTML entities", "&#", .html), ("images", "![", .markdown), ("parentheses", "(", .markdown),
  ("list markers", "- ", .markdown), ("ordered list markers", "1) ", .markdown),
  ("quote markers", "> ", .markdown), ("JSON array elements", "[1,", .wordpress),
  ("one-line prose", oneLineArticle, .markdown),
]

/// What starts a pattern's input, where its units need a container.
let patternHeads = ["JSON array elements": "["]

/// Seconds to read and extract `bytes`, best of `runs`.
func readingSeconds(_ bytes: [UInt8], format: ArticleFormat, runs: Int) -> Double {
  let extractor = Extractor()
  var best = Double.infinity
  for _ in 0..<runs {
    let start = now()
    if let articles = try? ArticleReader.parse(bytes, path: "hostile", format: format) {
      for article in articles { _ = extractor.extract(article) }
    }
    best = min(best, now() - start)
  }
  return best
}

/// The process's peak resident memory so far, in bytes: Linux's `VmHWM`, which starts afresh in
/// a new program (`ru_maxrss` keeps the peak of the parent it was started from), else getrusage.
func peakMemory() -> Int {
  if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
  {
    return kilobytes * 1024
  }
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return usage.ru_maxrss * 1024
}

/// `hostile [KB] [PATTERN]`: reading time of each pathological pattern at KB and at twice KB (default
/// 512, so 1 MB), and the growth between them: about 2 is linear, about 4 quadratic. Then a
/// one-line article as long as an article may be: time, growth from half of it and peak memory
/// per byte; and a 50 MB one, which must be refused. Exits 1 when any growth passes 3, the memory
/// passes 10 bytes per byte of input or the 50 MB article is read.
func hostileBenchmark(_ arguments: ArraySlice<String>) {
  let kilobytes = arguments.first.flatMap(Int.init) ?? 512
  // Only the patterns whose names contain the second argument, when given.
  let only = arguments.dropFirst().first
  // Written at once, unbuffered, so that a slow pattern shows which it is.
  func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
  var failed = false
  for pattern in pathologicalPatterns where only.map(pattern.name.contains) ?? true {
    func input(_ size: Int) -> [UInt8] {
      let unit = Array(pattern.unit.utf8)
      // A word at the end: a run of markers with one at its end is what a scan back and forth
      // over the run meets ("- - - - x").
      return Array((patternHeads[pattern.name] ?? "").utf8)
        + Array(repeating: unit, count: size / unit.count).flatMap { $0 } + Array(" x".utf8)
    }
    let small = readingSeconds(input(kilobytes * 1024), format: pattern.format, runs: 3)
    let large = readingSeconds(input(2 * kilobytes * 1024), format: pattern.format, runs: 3)
    // Below a millisecond the ratio is noise; such a run is linear enough.
    let growth = large < 0.005 ? 2 : large / max(small, 1e-6)
    if growth > 3 { failed = true }
    let name = pattern.name.replacingOccurrences(of: " ", with: "_")
    say(
      "hostile_\(name)_\(pattern.format): \(formatted(small)) s at \(kilobytes) KB, "
        + "\(formatted(large)) s at \(2 * kilobytes) KB, growth \(formatted(growth))")
  }
  guard only == nil else { return }
  // One paragraph, one line: prose with figures and no line break, as long as an article may be,
  // and half of it, for the growth; then 50 MB, which is refused.
  let unit = Array(oneLineArticle.utf8)
  func line(_ bytes: Int) -> [UInt8] {
    Array(repeating: unit, count: bytes / unit.count).flatMap { $0 }
  }
  let seconds = readingSeconds(line(ArticleReader.proseLimit), format: .markdown, runs: 1)
  let halfSeconds = readingSeconds(line(ArticleReader.proseLimit / 2), format: .markdown, runs: 1)
  // The memory in a process of its own: the peak of this one is already that of the patterns.
  let perByte = oneLineMemoryPerByte()
  let growth = seconds / max(halfSeconds, 1e-6)
  if perByte >= 10 || growth > 3 { failed = true }
  say("hostile_one_line_mb: \(String(format: "%.1f", Double(ArticleReader.proseLimit) / 1e6))")
  say("hostile_one_line_seconds: \(formatted(seconds)), growth \(formatted(growth))")
  say("hostile_one_line_memory_per_byte: \(formatted(perByte))")
  let huge = line(50_000_000)
  let refusal = readingSeconds(huge, format: .markdown, runs: 1)
  let refused = (try? ArticleReader.parse(huge, path: "hostile", format: .markdown)) == nil
  if !refused { failed = true }
  say("hostile_50mb_article: \(refused ? "refused" : "read") in \(formatted(refusal)) s")
  say("hostile_linear: \(failed ? "no" : "yes")")
  if failed { exit(1) }
}

/// The peak memory per byte of reading a one-line article as long as an article may be, measured
/// by `hostile-memory` in a child process.
func oneLineMemoryPerByte() -> Double {
  let child = Process()
  child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
  child.arguments = ["hostile-memory"]
  let pipe = Pipe()
  child.standardOutput = pipe
  guard (try? child.run()) != nil else { return .infinity }
  let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  child.waitUntilExit()
  return Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .infinity
}

/// `hostile-memory`: reads the one-line article of `oneLineMemoryPerByte` and prints its peak
/// memory per byte.
func hostileMemory() {
  let unit = Array(oneLineArticle.utf8)
  let line = Array(repeating: unit, count: ArticleReader.proseLimit / unit.count).flatMap { $0 }
  let before = peakMemory()
  _ = readingSeconds(line, format: .markdown, runs: 1)
  print(Double(peakMemory() - before) / Double(line.count))
}

/// `lsp [WORDS]`: the language server in this process with a draft of about WORDS words (default
/// 5,000) of generated prose: the time from a change, once the pause is over, to its
/// diagnostics, median and slowest of 20 changes, the time to the first diagnostics on open, and
/// the median time to answer a hover and a code action on the last change's figure.
func lspBenchmark(_ arguments: ArraySlice<String>) {
  let words = arguments.first.flatMap(Int.init) ?? 5_000
  var generator = SeededGenerator(seed: 11)
  var draft = ""
  var index = 0
  while draft.split(separator: " ").count < words {
    // Bodies only: each generated article's front matter and heading dropped.
    let text = article(&generator, index: index)
    draft +=
      text.split(separator: "\n").filter { !$0.hasPrefix("---") && !$0.contains(": ") }
      .joined(separator: "\n\n") + "\n\n"
    index += 1
  }
  let published = DispatchSemaphore(value: 0)
  let answered = DispatchSemaphore(value: 0)
  let server = LanguageServer(
    registry: .builtin, pause: 0,
    send: { bytes in
      let text = String(decoding: bytes, as: UTF8.self)
      if text.contains("publishDiagnostics") {
        published.signal()
      } else if text.contains("\"result\"") {
        answered.signal()
      }
    },
    end: { _ in exit(0) })
  func send(_ message: [String: Any]) {
    var message = message
    message["jsonrpc"] = "2.0"
    let body = (try? JSONSerialization.data(withJSONObject: message)) ?? Data()
    server.receive(MessageReader.frame(Array(body)))
  }
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("factlint-lsp-bench")
  let uri = folder.appendingPathComponent("draft.md").absoluteString
  send(["id": 1, "method": "initialize", "params": ["capabilities": [:] as [String: Any]]])
  answered.wait()
  var start = now()
  send([
    "method": "textDocument/didOpen",
    "params": ["textDocument": ["uri": uri, "version": 1, "text": draft]],
  ])
  published.wait()
  let open = now() - start
  var times: [Double] = []
  for version in 2...21 {
    start = now()
    send([
      "method": "textDocument/didChange",
      "params": [
        "textDocument": ["uri": uri, "version": version],
        "contentChanges": [["text": draft + "Revenue rose \(version)% to $\(version) million.\n"]],
      ],
    ])
    published.wait()
    times.append(now() - start)
  }
  times.sort()
  // The last change's line, "Revenue rose 21% to $21 million.": its stated change.
  let line = draft.split(separator: "\n", omittingEmptySubsequences: false).count - 1
  let position: [String: Any] = ["line": line, "character": 14]
  var answers: [String: [Double]] = [:]
  for request in 0..<40 {
    let method = request.isMultiple(of: 2) ? "textDocument/hover" : "textDocument/codeAction"
    start = now()
    send([
      "id": 100 + request, "method": method,
      "params": [
        "textDocument": ["uri": uri], "position": position,
        "range": ["start": position, "end": position], "context": ["diagnostics": []],
      ],
    ])
    answered.wait()
    answers[method, default: []].append(now() - start)
  }
  // The first hover after a change works out every figure's verdict; later ones look it up.
  let firstHover = answers["textDocument/hover"]?.first ?? 0
  let hover = (answers["textDocument/hover"] ?? [0]).sorted()
  let action = (answers["textDocument/codeAction"] ?? [0]).sorted()
  print("lsp_words: \(draft.split(separator: " ").count)")
  print("lsp_open_ms: \(formatted(open * 1000))")
  print("lsp_change_median_ms: \(formatted(times[times.count / 2] * 1000))")
  print("lsp_change_slowest_ms: \(formatted(times[times.count - 1] * 1000))")
  print("lsp_first_hover_ms: \(formatted(firstHover * 1000))")
  print("lsp_hover_median_ms: \(formatted(hover[hover.count / 2] * 1000))")
  print("lsp_code_action_median_ms: \(formatted(action[action.count / 2] * 1000))")
}

/// `source FORMAT ROWS [FOLDER]`: writes ROWS line items of two years each as FORMAT (`csv`, a
/// figure per row; `xlsx`, a workbook's sheet laid out as a report table; `filing`, SEC
/// companyfacts JSON), then loads it as data. Prints the file's size, the load's seconds, figures
/// per second and this process's peak memory, so that each format runs in a process of its own.
func sourceBenchmark(_ arguments: ArraySlice<String>) throws {
  let format = arguments.first ?? "csv"
  let rows = arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
  let folder = arguments.dropFirst(2).first ?? FileManager.default.temporaryDirectory.path
  func value(_ row: Int, _ year: Int) -> Int { 1_000 + (row * 7_919 + year * 104_729) % 900_000 }
  let path: String
  switch format {
  case "csv":
    path = folder + "/source.csv"
    var text = "entity,metric,period,value,currency,scale\n"
    for row in 0..<rows {
      for year in [2024, 2025] {
        text += "kestrel,item_\(row),\(year),\(value(row, year)),USD,thousands\n"
      }
    }
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  case "xlsx":
    path = folder + "/source.xlsx"
    var cells: [[WorkbookFixture.Cell]] = [
      [.text("entity"), .text("kestrel")], [.text("currency"), .text("USD")],
      [.text("scale"), .text("thousands")], [.empty, .number("2024"), .number("2025")],
    ]
    for row in 0..<rows {
      cells.append([
        .text("Item \(row)"), .number("\(value(row, 2024))", style: 1),
        .number("\(value(row, 2025))", style: 1),
      ])
    }
    try WorkbookFixture(sheets: [.init("Income", rows: cells)], formats: ["#,##0"])
      .write(to: URL(fileURLWithPath: path))
  case "filing":
    path = folder + "/source.json"
    var concepts: [String] = []
    for row in 0..<rows {
      let facts = [2024, 2025].map { year in
        "{\"start\": \"\(year)-01-01\", \"end\": \"\(year)-12-31\", \"val\": \(value(row, year) * 1000), "
          + "\"accn\": \"0000987654-\(year % 100 + 1)-000004\", \"form\": \"10-K\", "
          + "\"filed\": \"\(year + 1)-02-20\"}"
      }
      concepts.append("\"Item\(row)\": {\"units\": {\"USD\": [\(facts.joined(separator: ", "))]}}")
    }
    let text =
      "{\"cik\": 987654, \"entityName\": \"Kestrel Systems Inc.\", \"facts\": {\"us-gaap\": {"
      + concepts.joined(separator: ",\n") + "}}}\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  default:
    throw BenchFailure("unknown format '\(format)'; use csv, xlsx or filing")
  }
  let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  let start = now()
  var problems: [Problem] = []
  let file = DataLoader.load(path, problems: &problems)
  let seconds = now() - start
  let figures = file?.figures.count ?? 0
  guard problems.filter({ !$0.isNotice }).isEmpty, figures == rows * 2 else {
    throw BenchFailure("\(format): \(figures) figures, \(problems.first?.message ?? "")")
  }
  print("\(format)_rows: \(rows)")
  print("\(format)_file_mb: \(formatted(Double(size) / 1_048_576))")
  print("\(format)_load_seconds: \(formatted(seconds))")
  print("\(format)_figures_per_second: \(Int(Double(figures) / seconds))")
  print("\(format)_peak_mb: \(peakMemory() / 1_048_576)")
}

/// An error the benchmark stops on.
struct BenchFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

func main() {
  let arguments = CommandLine.arguments.dropFirst()
  do {
    switch arguments.first {
    case "data"?: try writeData(arguments.dropFirst())
    case "articles"?: try writeArticles(arguments.dropFirst())
    case "yaml"?: try yamlBenchmark(arguments.dropFirst())
    case "extract"?: extractBenchmark(arguments.dropFirst())
    case "draft"?: try draftBenchmark(arguments.dropFirst())
    case "hostile"?: hostileBenchmark(arguments.dropFirst())
    case "hostile-memory"?: hostileMemory()
    case "lsp"?: lspBenchmark(arguments.dropFirst())
    case "source"?: try sourceBenchmark(arguments.dropFirst())
    case "eval"?:
      // `eval [--verbose]`: figure scores on corpus/ and on ../shared's passages and TAT-QA.
      let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let run = EvaluationRun(root: root, verbose: arguments.contains("--verbose"))
      print(try run.report(), terminator: "")
    default:
      // The plain form measures extraction, as before.
      extractBenchmark(arguments)
    }
  } catch {
    FileHandle.standardError.write(Data("factlint-bench: \(error)\n".utf8))
    exit(2)
  }
}

main()
