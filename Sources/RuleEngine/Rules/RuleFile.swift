import FactlintModel
import FactlintYAML

/// How a rule's findings are reported.
public enum RuleSeverity: String, Sendable, Hashable, CaseIterable {
  /// Errors stay errors and warnings stay warnings.
  case error
  /// Every finding is at most a warning.
  case warning
  /// The rule does not run.
  case off

  /// The severity of a finding under this rule, or nil when the rule is off.
  public func apply(to severity: Severity) -> Severity? {
    switch self {
    case .error: return severity
    case .warning: return min(severity, .warning)
    case .off: return nil
    }
  }
}

/// One rule from a rule file, with its check ready to run.
public struct Rule: Sendable {
  /// The rule's id, unique across the run.
  public var id: String
  /// The check kind.
  public var checkID: String
  /// How its findings are reported.
  public var severity: RuleSeverity
  /// The figures it applies to.
  public var selector: Selector
  /// The check, with the rule's parameters.
  public var check: any Check
  /// Where the rule starts.
  public var location: SourceLocation

  /// Creates a rule.
  public init(
    id: String, checkID: String, severity: RuleSeverity, selector: Selector, check: any Check,
    location: SourceLocation
  ) {
    self.id = id
    self.checkID = checkID
    self.severity = severity
    self.selector = selector
    self.check = check
    self.location = location
  }
}

/// A rule file: its rules and the data paths they are evaluated against.
public struct RuleFile: Sendable {
  /// The file's path.
  public var path: String
  /// The data files named by `data:`, resolved against the rule file's folder.
  public var dataFiles: [String] = []
  /// The rules.
  public var rules: [Rule] = []
  /// The suppressions under `ignore:`.
  public var suppressions: [DataSuppression] = []
}

/// Reads rule files, failing closed: every unknown key, unknown check or bad value is reported.
public enum RuleLoader {
  static let topKeys = ["data", "rules", "plugins", "ignore"]
  static let ignoreKeys = ["rule", "where", "reason"]
  package static let commonRuleKeys = ["id", "check", "severity", "where", "description"]
  static let selectorKeys = ["entity", "metric", "period", "segment"]

  /// Whether a parsed YAML file is a rule file rather than a data file.
  public static func isRuleFile(_ root: YAMLNode) -> Bool { root["rules"] != nil }

  /// Loads a parsed rule file. Rule ids already in `seenIDs` are duplicates.
  /// The data it names must lie within `scope`.
  public static func load(
    _ root: YAMLNode, path: String, registry: CheckRegistry, plugins: [PluginSpec] = [],
    scope: ReadScope = ReadScope(), seenIDs: inout [String: SourceLocation],
    problems: inout [Problem]
  ) -> RuleFile {
    var file = RuleFile(path: path)
    let top: YAMLFields
    var plugins = Dictionary(plugins.map { ($0.id, $0) }) { first, _ in first }
    do throws(Problem) {
      top = try YAMLFields(root, file: path, context: "a rule file", allowed: topKeys)
      if let node = top["plugins"] {
        for plugin in try PluginSpec.list(node, file: path) {
          guard registry.check(plugin.id) == nil, plugins[plugin.id] == nil else {
            throw Problem(.unknownPlugin(plugin.id), at: plugin.location)
          }
          plugins[plugin.id] = plugin
        }
      }
      if let node = top["ignore"] {
        for item in node.sequence ?? [node] {
          file.suppressions.append(try readIgnore(item, fields: top))
        }
      }
      let roots = scope.roots(of: path)
      for (dataPath, node) in try top.list("data") ?? [] {
        let resolved = SourceFiles.join(SourceFiles.folder(of: path), dataPath)
        do throws(InputError) {
          try ReadScope.check(resolved, within: roots)
        } catch {
          problems.append(Problem(error, at: top.location(node)))
          continue
        }
        do {
          file.dataFiles += try SourceFiles.expand(
            resolved, within: roots, extensions: SourceFiles.dataExtensions, problems: &problems)
        } catch {
          problems.append(Problem(error.error, at: top.location(node)))
        }
      }
    } catch {
      problems.append(error)
      return file
    }
    guard let rules = top["rules"]?.sequence else {
      if let rules = top["rules"] {
        problems.append(
          Problem(
            .wrongType(key: "rules", expected: "a list", found: rules.kindName),
            at: top.location(rules)))
      }
      return file
    }
    for node in rules {
      do throws(Problem) {
        let rule = try readRule(node, path: path, registry: registry, plugins: plugins)
        if let first = seenIDs[rule.id] {
          throw Problem(.duplicateRuleID(rule.id, first: first), at: rule.location)
        }
        seenIDs[rule.id] = rule.location
        file.rules.append(rule)
      } catch {
        problems.append(error)
      }
    }
    return file
  }

  /// Reads `{ rule: ID, where: selector, reason: why }` from a rule file's `ignore:`.
  static func readIgnore(_ node: YAMLNode, fields parent: YAMLFields) throws(Problem)
    -> DataSuppression
  {
    let fields = try YAMLFields(
      node, file: parent.file, context: "a suppression", allowed: ignoreKeys)
    let (rule, _) = try fields.requiredText("rule")
    let (reason, _) = try fields.requiredText("reason")
    let selector = try fields["where"].map { (node) throws(Problem) in
      try readSelector(node, fields: fields)
    }
    return DataSuppression(
      ruleIDs: [rule], reason: reason, location: fields.location,
      scope: .selector(selector ?? Selector()))
  }

  package static func readRule(
    _ node: YAMLNode, path: String, registry: CheckRegistry, plugins: [String: PluginSpec] = [:]
  ) throws(Problem) -> Rule {
    // A plugin's parameters are its own business: pass them on as JSON.
    if let checkID = node["check"]?.scalar?.trimmingSpaces, let plugin = plugins[checkID] {
      return try readPluginRule(node, path: path, plugin: plugin)
    }
    // The check decides which keys are allowed, so read it before validating the rest.
    let checkNode = node["check"]
    let checkType = try checkNode.map { (node) throws(Problem) in
      try resolveCheck(node, path: path, registry: registry, plugins: plugins)
    }
    let parameters = checkType?.description.parameters ?? []
    let fields = try YAMLFields(
      node, file: path, context: "a rule", allowed: commonRuleKeys + parameters.map(\.name))
    let (id, idNode) = try fields.requiredText("id")
    guard let checkType else {
      throw Problem(.missingKey("check", context: "rule '\(id)'"), at: fields.location)
    }
    let (severity, selector) = try readSeverityAndSelector(fields)
    var values: [String: (value: ParameterValue, location: SourceLocation)] = [:]
    for spec in parameters {
      guard let valueNode = fields[spec.name] else {
        if spec.isRequired {
          throw Problem(
            .missingKey(spec.name, context: "rule '\(id)'"), at: fields.location(idNode))
        }
        continue
      }
      values[spec.name] = (
        try readParameter(spec, valueNode, fields: fields), fields.location(valueNode)
      )
    }
    let check: any Check
    do {
      check = try checkType.init(
        parameters: Parameters(values: values, ruleLocation: fields.location))
    } catch {
      throw Problem(
        .invalidParameter(check: checkType.description.id, message: error.message),
        at: error.location)
    }
    return Rule(
      id: id, checkID: checkType.description.id, severity: severity, selector: selector,
      check: check, location: fields.location(idNode))
  }

  /// The `severity` (error by default) and `where` every rule may give.
  static func readSeverityAndSelector(_ fields: YAMLFields) throws(Problem) -> (
    RuleSeverity, Selector
  ) {
    var severity = RuleSeverity.error
    if let (text, severityNode) = try fields.text("severity") {
      guard let parsed = RuleSeverity(rawValue: text) else {
        throw Problem(.invalidSeverity(text), at: fields.location(severityNode))
      }
      severity = parsed
    }
    var selector = Selector()
    if let whereNode = fields["where"] { selector = try readSelector(whereNode, fields: fields) }
    return (severity, selector)
  }

  /// A rule whose check is a plugin.
  static func readPluginRule(_ node: YAMLNode, path: String, plugin: PluginSpec) throws(Problem)
    -> Rule
  {
    guard let pairs = node.mapping else {
      throw Problem(
        .notAMapping(what: "a rule", found: node.kindName), at: YAMLFields.location(node, path))
    }
    let parameters = pairs.filter { !commonRuleKeys.contains($0.key.scalar ?? "") }
    let fields = try YAMLFields(
      node, file: path, context: "a rule",
      allowed: commonRuleKeys + parameters.compactMap(\.key.scalar))
    let (id, idNode) = try fields.requiredText("id")
    let (severity, selector) = try readSeverityAndSelector(fields)
    let json = YAMLJSON.object(parameters)
    return Rule(
      id: id, checkID: plugin.id, severity: severity, selector: selector,
      check: PluginCheck(spec: plugin, parametersJSON: json, ruleID: id),
      location: fields.location(idNode))
  }

  static func resolveCheck(
    _ node: YAMLNode, path: String, registry: CheckRegistry, plugins: [String: PluginSpec] = [:]
  ) throws(Problem) -> any Check.Type {
    let location = YAMLFields.location(node, path)
    guard let id = node.scalar?.trimmingSpaces, !id.isEmpty else {
      throw Problem(
        .wrongType(key: "check", expected: "a check id", found: node.kindName), at: location)
    }
    guard let check = registry.check(id) else {
      throw Problem(
        .unknownCheck(id, suggestion: Suggestion.closest(to: id, in: registry.ids + plugins.keys)),
        at: location)
    }
    return check
  }

  static func readParameter(_ spec: ParameterSpec, _ node: YAMLNode, fields: YAMLFields)
    throws(Problem) -> ParameterValue
  {
    switch spec.kind {
    case .selector:
      return .selector(try readSelector(node, fields: fields))
    case .selectors:
      guard let items = node.sequence, !items.isEmpty else {
        throw Problem(
          .wrongType(key: spec.name, expected: spec.kind.name, found: YAMLFields.describe(node)),
          at: fields.location(node))
      }
      var selectors: [Selector] = []
      for item in items {
        selectors.append(try readSelector(item, fields: fields, allowSign: true))
      }
      return .selectors(selectors)
    case .boolean:
      return .boolean(try fields.boolean(spec.name) ?? false)
    case .choice(let words):
      guard let (text, _) = try fields.text(spec.name), words.contains(text) else {
        let found = YAMLFields.describe(node)
        throw Problem(
          .wrongType(key: spec.name, expected: spec.kind.name, found: found),
          at: fields.location(node))
      }
      return .choice(text)
    case .quantity:
      guard let (text, valueNode) = try fields.text(spec.name) else {
        throw Problem(.emptyValue(key: spec.name), at: fields.location(node))
      }
      return .quantity(try DataLoader.parseQuantity(text, node: valueNode, path: fields.file))
    }
  }

  /// Reads `{ entity: x, metric: y, period: 2017-Q1, segment: z, sign: - }` or a metric name
  /// (`ev_revenue`, or `-costs` for a subtracted part).
  static func readSelector(_ node: YAMLNode, fields parent: YAMLFields, allowSign: Bool = false)
    throws(Problem) -> Selector
  {
    let location = parent.location(node)
    if let text = node.scalar?.trimmingSpaces {
      guard !text.isEmpty else { throw Problem(.emptyValue(key: "metric"), at: location) }
      let negated = allowSign && text.hasPrefix("-")
      let metric = negated ? String(text.dropFirst()).trimmingSpaces : text
      return Selector(metric: metric, isNegated: negated, location: location)
    }
    let allowed = selectorKeys + (allowSign ? ["sign"] : [])
    let fields = try YAMLFields(
      node, file: parent.file, context: "a selector", allowed: allowed)
    var negated = false
    if let (sign, signNode) = try fields.text("sign") {
      guard sign == "-" || sign == "+" else {
        throw Problem(.invalidSign(sign), at: fields.location(signNode))
      }
      negated = sign == "-"
    }
    return Selector(
      entity: try fields.text("entity")?.0, metric: try fields.text("metric")?.0,
      period: try fields.period("period"), segment: try fields.text("segment")?.0,
      isNegated: negated, location: location)
  }
}
