/// Problems found while reading YAML. The wording of every message lives in this enum (`message`).
public enum YAMLError: Error, Sendable, Equatable {
  /// A reader, scanner or parser error reported by libyaml, in its words.
  case syntax(problem: String, context: String?, at: Mark)
  /// A mapping repeats a scalar key.
  case duplicateKey(String, at: Mark, first: Mark)
  /// An alias names an anchor that was not defined before it.
  case unknownAlias(String, at: Mark)
  /// Aliases make the document stand for more nodes than the limit.
  case aliasExpansionTooLarge(limit: Int, at: Mark)
  /// Collections nest deeper than the limit.
  case nestingTooDeep(limit: Int, at: Mark)
  /// The stream holds a second document.
  case multipleDocuments(at: Mark)

  /// Where the problem is.
  public var mark: Mark {
    switch self {
    case .syntax(_, _, let mark): return mark
    case .duplicateKey(_, let mark, _): return mark
    case .unknownAlias(_, let mark): return mark
    case .aliasExpansionTooLarge(_, let mark): return mark
    case .nestingTooDeep(_, let mark): return mark
    case .multipleDocuments(let mark): return mark
    }
  }

  /// A lower-case message that says what is wrong and what to do.
  public var message: String {
    switch self {
    case .syntax(let problem, let context, _):
      let tail = context.map { " " + $0 } ?? ""
      return "invalid YAML: \(problem)\(tail); \(Self.hint(problem: problem, context: context))"
    case .duplicateKey(let key, _, let first):
      return "duplicate key '\(key)' (first at line \(first.line), column \(first.column)); "
        + "remove or rename one of them"
    case .unknownAlias(let name, _):
      return "unknown alias '*\(name)'; define the anchor '&\(name)' before using it"
    case .aliasExpansionTooLarge(let limit, _):
      return "aliases expand to more than \(limit) nodes; "
        + "remove the recursive or repeated aliases"
    case .nestingTooDeep(let limit, _):
      return "nesting is deeper than \(limit) levels; flatten the structure"
    case .multipleDocuments:
      return "a factlint file holds one YAML document; "
        + "remove the '---' separator or split the file"
    }
  }

  /// libyaml's problem for a tab where a token should start; its own wording does not say
  /// "tab", and tabs are the usual cause.
  package static let tabProblem = "found a tab character that cannot start any token"

  /// The problem when `<<` is given something other than mappings to merge.
  package static let mergeProblem = "the merge key '<<' takes a mapping or a list of mappings"

  /// The problem text for a libyaml reader error, which carries the offending byte or character.
  package static func readerProblem(_ problem: String, value: Int32) -> String {
    guard value >= 0 else { return problem }
    let isOctet = problem.contains("octet")
    var hex = String(UInt32(value), radix: 16, uppercase: true)
    hex = String(repeating: "0", count: max(0, (isOctet ? 2 : 4) - hex.count)) + hex
    return isOctet ? "\(problem) 0x\(hex)" : "\(problem) (U+\(hex))"
  }

  /// libyaml's context, with where that context started when it is not the problem's mark.
  package static func context(_ text: String, at mark: Mark, problemAt problemMark: Mark) -> String
  {
    guard mark != problemMark else { return text }
    return "\(text) that starts at line \(mark.line), column \(mark.column)"
  }

  /// What to do about a libyaml problem; keyed on libyaml's wording, which is stable.
  private static func hint(problem: String, context: String?) -> String {
    let context = context ?? ""
    if problem.contains("tab character") {
      return "indent with spaces, not tabs"
    }
    if problem.contains("UTF-8") || problem.contains("control characters")
      || problem.contains("Unicode character")
    {
      return "save the file as UTF-8 text"
    }
    if problem == "found unexpected end of stream"
      && context.hasPrefix("while scanning a quoted scalar")
    {
      return "add the closing quote"
    }
    switch problem {
    case mergeProblem:
      return "merge an alias of a mapping, as in '<<: *defaults', or quote the key '<<'"
    case "mapping values are not allowed in this context":
      return "check the indentation, or quote a value that contains ': '"
    case "found character that cannot start any token":
      return "quote the value"
    case "found unknown escape character":
      return "write a backslash as '\\\\' inside double quotes, or use single quotes"
    case "did not find expected key", "did not find expected '-' indicator",
      "block sequence entries are not allowed in this context":
      return "check the indentation"
    case "could not find expected ':'":
      return "check the indentation, or add ': ' after the key"
    case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
      return "check the brackets and the commas between items"
    case "found undefined tag handle":
      return "declare the tag handle with %TAG or remove the tag"
    default:
      return "fix the YAML syntax at this position"
    }
  }
}
