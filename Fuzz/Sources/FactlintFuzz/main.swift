import Checks
import FactlintLSP
import FactlintModel
import FactlintReading
import FactlintYAML
import Foundation
import RuleEngine

// `factlint-fuzz ENTRY [libFuzzer options] [CORPUS...]`: runs one entry under libFuzzer. Each
// entry feeds the input to one reader the way the command line does and checks nothing but
// that it returns: a crash, a hang (-timeout) or running out of memory (-rss_limit_mb) is what
// libFuzzer reports. Files an entry must read from disk are written to a private folder.

/// A private folder for the entries that read a path, and the current folder during the run,
/// so that paths an input names resolve into it.
let workFolder: String = {
  let folder = FileManager.default.temporaryDirectory
    .appendingPathComponent("factlint-fuzz-\(getpid())").path
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}()

/// Writes `bytes` to `name` in the work folder; its path.
func written(_ bytes: [UInt8], as name: String) -> String {
  let path = workFolder + "/" + name
  _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  return path
}

func readArticles(_ bytes: [UInt8], _ format: ArticleFormat) {
  guard let articles = try? ArticleReader.parse(bytes, path: "fuzz", format: format) else {
    return
  }
  let extractor = Extractor()
  for article in articles { _ = extractor.extract(article) }
}

/// Loads `bytes` as the data file `name` (its extension chooses the reader), and finds its
/// conflicting figures; every problem's message is worded.
func loadData(_ bytes: [UInt8], as name: String) {
  var problems: [Problem] = []
  if let file = DataLoader.load(written(bytes, as: name), problems: &problems) {
    _ = Engine.dataset([file]).conflictingFigures()
  }
  _ = problems.map(\.message)
}

/// The entries by name.
let entries: [String: ([UInt8]) -> Void] = [
  "yaml": { _ = try? YAMLParser.parse($0) },
  "rules": { bytes in
    guard let root = try? YAMLParser.parse(bytes) else { return }
    var seen: [String: SourceLocation] = [:]
    var problems: [Problem] = []
    let file = RuleLoader.load(
      root, path: "rules.yml", registry: .builtin, seenIDs: &seen, problems: &problems)
    _ = problems.map(\.message)
    _ = file.rules.count
  },
  "data": { bytes in
    guard let root = try? YAMLParser.parse(bytes) else { return }
    var problems: [Problem] = []
    if let file = DataLoader.load(root, path: "data.yml", problems: &problems) {
      _ = Engine.dataset([file]).conflictingFigures()
    }
    _ = problems.map(\.message)
  },
  "configuration": { bytes in
    var problems: [Problem] = []
    _ = Configuration.load(written(bytes, as: ".factlint.yml"), problems: &problems)
    _ = problems.map(\.message)
  },
  "csv": { loadData($0, as: "data.csv") },
  "filing": { loadData($0, as: "filing.json") },
  "xlsx": { loadData($0, as: "book.xlsx") },
  "quantity": { bytes in
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? QuantityParser.parse(text)
    _ = QuantityParser.parsePrefix(text[...])
  },
  "markdown": { readArticles($0, .markdown) },
  "html": { readArticles($0, .html) },
  "text": { readArticles($0, .text) },
  "wordpress": { readArticles($0, .wordpress) },
  "lsp": { bytes in
    // The framing, fed in pieces as long as the first byte says, each body parsed as the
    // server parses it.
    var reader = MessageReader(bodyLimit: 1 << 16)
    let size = Int(bytes.first ?? 0) + 1
    var offset = 0
    while offset < bytes.count {
      reader.append(bytes[offset..<min(offset + size, bytes.count)])
      offset += size
      while true {
        do throws(MessageReader.Failure) {
          guard let body = try reader.next() else { break }
          _ = try? JSONSerialization.jsonObject(with: Data(body))
        } catch {
          _ = error.message
        }
      }
    }
  },
]

nonisolated(unsafe) var selected: (([UInt8]) -> Void)?

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
  _ argc: UnsafeMutablePointer<Int32>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Hands the options after the entry to libFuzzer, which runs the selected entry on each input.
@MainActor func run(_ arguments: [String]) -> Int32 {
  guard arguments.count >= 2, let entry = entries[arguments[1]] else {
    let names = entries.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(
      Data("usage: factlint-fuzz ENTRY [libFuzzer options] [CORPUS...]; entries: \(names)\n".utf8))
    return 2
  }
  selected = entry
  _ = FileManager.default.changeCurrentDirectoryPath(workFolder)
  // libFuzzer sees the program's name and the options after the entry.
  var driverArguments: [UnsafeMutablePointer<CChar>?] =
    ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
  var count = Int32(driverArguments.count - 1)
  return driverArguments.withUnsafeMutableBufferPointer { buffer in
    var pointer = buffer.baseAddress
    return runDriver(&count, &pointer) { data, size in
      let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
      selected?(bytes)
      return 0
    }
  }
}

exit(run(CommandLine.arguments))
