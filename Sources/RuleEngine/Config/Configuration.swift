import FactlintModel
import FactlintYAML
import Foundation

/// `.factlint.yml`: where the rules, data and articles are, and how strictly to report.
public struct Configuration: Sendable {
  /// The file the configuration was read from, or nil for the defaults.
  public var path: String?
  /// Rule files or folders, relative to the current folder.
  public var rules: [String] = []
  /// Data files or folders that articles are checked against.
  public var data: [String] = []
  /// Article files matched by the configured glob patterns.
  public var articles: [String] = []
  /// The lowest severity that fails a run.
  public var failOn: Severity?
  /// The output format.
  public var format: String?
  /// Severity overrides by rule id.
  public var severities: [String: RuleSeverity] = [:]
  /// Rule ids that do not run.
  public var disabled: Set<String> = []
  /// How far "about" and "nearly" reach beyond the written digits.
  public var tolerance = HedgeTolerance()
  /// External checks.
  public var plugins: [PluginSpec] = []
  /// A baseline file to compare with.
  public var baseline: String?
  /// Database tables and queries that hold figures, checked in place by `factlint db`.
  public var databases: [DatabaseSource] = []
  /// Where the paths that inputs name may lead.
  public var readScope = ReadScope()

  /// The defaults: no file.
  public init() {}

  /// The names the configuration file may have.
  public static let fileNames = [".factlint.yml", ".factlint.yaml"]
  static let keys = [
    "rules", "data", "articles", "fail-on", "format", "severity", "disable", "tolerance",
    "plugins", "baseline", "databases",
  ]

  /// The nearest configuration file in `folder` or a folder above it, up to the top of the
  /// repository that holds `folder` (the folder with `.git`), else up to the home folder; outside
  /// both, `folder` only. A file planted above the checkout is never read.
  public static func find(
    from folder: String, home: String? = ProcessInfo.processInfo.environment["HOME"]
  ) -> String? {
    var current = URL(fileURLWithPath: folder).standardizedFileURL
    let top = searchTop(from: current, home: home)
    while true {
      for name in fileNames {
        let candidate = current.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: candidate) {
          return relativeToCurrentFolder(candidate)
        }
      }
      let parent = current.deletingLastPathComponent()
      if current.path == top.path || parent.path == current.path { return nil }
      current = parent
    }
  }

  /// The highest folder the search for a configuration may reach from `start`.
  static func searchTop(from start: URL, home: String?) -> URL {
    if let top = ReadScope.repositoryTop(of: start.path) { return URL(fileURLWithPath: top) }
    if let home, !home.isEmpty {
      let homeURL = URL(fileURLWithPath: home).standardizedFileURL
      let homeParts = homeURL.pathComponents
      if homeParts.count > 1, start.pathComponents.starts(with: homeParts) { return homeURL }
    }
    return start
  }

  /// `path` relative to the current folder ("../../.factlint.yml"), so that the paths the
  /// configuration names print as a user in this folder would write them.
  static func relativeToCurrentFolder(_ path: String) -> String {
    let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      .standardizedFileURL.pathComponents
    let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    var common = 0
    while common < min(here.count, target.count), here[common] == target[common] { common += 1 }
    let ups = Array(repeating: "..", count: here.count - common)
    return (ups + target[common...]).joined(separator: "/")
  }

  /// Reads the configuration at `path`; paths in it are relative to its folder, and must lie
  /// within `scope`.
  public static func load(
    _ path: String, scope: ReadScope = ReadScope(), problems: inout [Problem]
  ) -> Configuration {
    var configuration = Configuration()
    configuration.path = path
    configuration.readScope = scope
    guard let root = SourceFiles.readYAML(path, problems: &problems) else { return configuration }
    let folder = SourceFiles.folder(of: path)
    let roots = scope.roots(of: path)
    do throws(Problem) {
      let fields = try YAMLFields(
        root, file: path, context: "the configuration", allowed: keys)
      /// A path the configuration names, or nil (with a problem) when it leads outside.
      func confined(_ text: String, _ node: YAMLNode) -> String? {
        let joined = SourceFiles.join(folder, text)
        do throws(InputError) {
          try ReadScope.check(joined, within: roots)
          return joined
        } catch {
          problems.append(Problem(error, at: fields.location(node)))
          return nil
        }
      }
      func paths(_ key: String) throws(Problem) -> [String] {
        try (fields.list(key) ?? []).compactMap { confined($0.0, $0.1) }
      }
      configuration.rules = try paths("rules")
      configuration.data = try paths("data")
      for (pattern, node) in try fields.list("articles") ?? [] {
        let matches = Glob.files(
          matching: pattern, in: folder, within: roots, problems: &problems)
        if matches.isEmpty {
          problems.append(
            Problem(.noArticlesMatch(pattern), at: fields.location(node)))
        }
        configuration.articles += matches
      }
      if let (text, node) = try fields.text("fail-on") {
        guard let severity = Severity(rawValue: text), severity != .note else {
          throw Problem(.invalidSeverity(text), at: fields.location(node))
        }
        configuration.failOn = severity
      }
      configuration.format = try fields.text("format")?.0
      if let table = fields["severity"] {
        guard let pairs = table.mapping else {
          throw Problem(
            .notAMapping(what: "'severity'", found: table.kindName), at: fields.location(table))
        }
        for pair in pairs {
          guard let rule = pair.key.scalar, let text = pair.value.scalar,
            let severity = RuleSeverity(rawValue: text)
          else {
            throw Problem(
              .invalidSeverity(pair.value.scalar ?? pair.value.kindName),
              at: fields.location(pair.value))
          }
          configuration.severities[rule] = severity
        }
      }
      configuration.disabled = Set(try fields.list("disable")?.map(\.0) ?? [])
      if let node = fields["tolerance"] {
        configuration.tolerance = try HedgeTolerance(node, file: path)
      }
      if let node = fields["plugins"] {
        configuration.plugins = try PluginSpec.list(node, file: path)
      }
      if let node = fields["databases"] {
        configuration.databases = try DatabaseSource.list(node, file: path).compactMap { source in
          // A SQLite file is a path the configuration names, read like the others.
          guard source.url.hasPrefix("sqlite:") else { return source }
          var resolved = source
          let file = SourceFiles.join(folder, String(source.url.dropFirst("sqlite:".count)))
          do throws(InputError) {
            try ReadScope.check(file, within: roots)
          } catch {
            problems.append(Problem(error, at: source.urlLocation))
            return nil
          }
          resolved.url = "sqlite:" + file
          return resolved
        }
      }
      configuration.baseline = try fields.text("baseline").flatMap { confined($0.0, $0.1) }
    } catch {
      problems.append(error)
    }
    return configuration
  }

  /// The severity a rule runs at after the configuration's overrides.
  public func severity(of rule: String, default severity: RuleSeverity) -> RuleSeverity {
    if disabled.contains(rule) { return .off }
    return severities[rule] ?? severity
  }
}

extension HedgeTolerance {
  /// Reads `{ about: 5%, nearly: 3% }`.
  init(_ node: YAMLNode, file: String) throws(Problem) {
    let fields = try YAMLFields(
      node, file: file, context: "'tolerance'", allowed: ["about", "nearly"])
    func percent(_ key: String) throws(Problem) -> ExactDecimal? {
      guard let (text, node) = try fields.text(key) else { return nil }
      let quantity = try DataLoader.parseQuantity(text, node: node, path: file)
      guard quantity.unit == .percent, !quantity.value.isNegative else {
        throw Problem(
          .wrongType(key: key, expected: "a percentage such as 5%", found: "'\(text)'"),
          at: fields.location(node))
      }
      return quantity.value.divided(by: .hundred)
    }
    self.init(about: try percent("about"), nearly: try percent("nearly"))
  }
}
