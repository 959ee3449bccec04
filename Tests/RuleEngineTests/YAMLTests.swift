import Testing

@testable import FactlintModel
@testable import FactlintYAML

// MARK: - Helpers

private func parse(_ text: String, limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
  try YAMLParser.parse(Array(text.utf8), limits: limits)
}

/// The error parsing `bytes` throws, or nil if it parses.
private func parseError(_ bytes: [UInt8], limits: YAMLLimits = .default) -> YAMLError? {
  do {
    _ = try YAMLParser.parse(bytes, limits: limits)
    return nil
  } catch {
    return error
  }
}

private func parseError(_ text: String, limits: YAMLLimits = .default) -> YAMLError? {
  parseError(Array(text.utf8), limits: limits)
}

private func mark(_ line: Int, _ column: Int) -> Mark {
  Mark(line: line, column: column)
}

/// The scalar keys of a mapping, in order.
private func keys(_ node: YAMLNode?) -> [String] {
  (node?.mapping ?? []).compactMap { $0.key.scalar }
}

// MARK: - Scalars, collections and marks

@Test func scalarsKeepValueStyleAndMark() throws {
  let text = """
    plain: 70
    double: "70"
    single: 'it''s'
    literal: |
      a
      b
    folded: >
      a
      b
    empty:
    """
  let root = try #require(try parse(text))
  let pairs = try #require(root.mapping)
  #expect(keys(root) == ["plain", "double", "single", "literal", "folded", "empty"])
  #expect(root.mark == mark(1, 1))

  #expect(pairs[0].key.mark == mark(1, 1))
  #expect(pairs[0].key.style == .plain)
  #expect(pairs[0].value.scalar == "70")
  #expect(pairs[0].value.style == .plain)
  #expect(pairs[0].value.mark == mark(1, 8))

  #expect(pairs[1].value.scalar == "70")
  #expect(pairs[1].value.style == .doubleQuoted)
  #expect(pairs[1].value.mark == mark(2, 9))  // the opening quote

  #expect(pairs[2].value.scalar == "it's")
  #expect(pairs[2].value.style == .singleQuoted)
  #expect(pairs[2].value.mark == mark(3, 9))

  #expect(pairs[3].value.scalar == "a\nb\n")
  #expect(pairs[3].value.style == .literal)
  #expect(pairs[3].value.mark == mark(4, 10))

  #expect(pairs[4].value.scalar == "a b\n")
  #expect(pairs[4].value.style == .folded)
  #expect(pairs[4].key.mark == mark(7, 1))

  #expect(pairs[5].value.scalar == "")
  #expect(pairs[5].value.style == .plain)
  #expect(pairs.allSatisfy { $0.value.tag == nil })
}

@Test func nestedBlockCollectionsHaveOneBasedMarks() throws {
  let text = """
    rule: margin
    checks:
      - metric: revenue
        periods: [2017, 2018]
      - metric: ebit
    """
  let root = try #require(try parse(text))
  #expect(root["rule"]?.scalar == "margin")
  #expect(root["rule"]?.mark == mark(1, 7))

  let checks = try #require(root["checks"])
  #expect(checks.kindName == "a sequence")
  #expect(checks.mark == mark(3, 3))  // the first '-'
  let items = try #require(checks.sequence)
  #expect(items.count == 2)

  #expect(items[0].mark == mark(3, 5))
  #expect(items[0]["metric"]?.scalar == "revenue")
  #expect(items[0]["metric"]?.mark == mark(3, 13))
  let periods = try #require(items[0]["periods"])
  #expect(periods.mark == mark(4, 14))
  #expect(periods.sequence?.map(\.scalar) == ["2017", "2018"])
  #expect(periods.sequence?.map(\.mark) == [mark(4, 15), mark(4, 21)])

  #expect(items[1]["metric"]?.scalar == "ebit")
  #expect(items[1].mapping?.first?.key.mark == mark(5, 5))
}

@Test func flowMappingMarks() throws {
  let root = try #require(try parse("- { metric: x, period: 2017-Q1 }\n"))
  let item = try #require(root.sequence?.first)
  #expect(item.kindName == "a mapping")
  #expect(item.mark == mark(1, 3))
  let pairs = try #require(item.mapping)
  #expect(pairs.map { $0.key.scalar } == ["metric", "period"])
  #expect(pairs.map(\.key.mark) == [mark(1, 5), mark(1, 16)])
  #expect(pairs.map { $0.value.scalar } == ["x", "2017-Q1"])
  #expect(pairs.map(\.value.mark) == [mark(1, 13), mark(1, 24)])
}

@Test func indentlessSequenceAndTopLevelScalar() throws {
  let root = try #require(try parse("items:\n- a\n- 'b'\n"))
  let items = try #require(root["items"])
  #expect(items.mark == mark(2, 1))
  #expect(items.sequence?.map(\.scalar) == ["a", "b"])
  #expect(items.sequence?.map(\.style) == [.plain, .singleQuoted])

  let scalar = try #require(try parse("--- \"just text\"\n...\n"))
  #expect(scalar.scalar == "just text")
  #expect(scalar.kindName == "a scalar")
  #expect(scalar.mark == mark(1, 5))
}

@Test func columnsCountCharactersNotBytes() throws {
  let root = try #require(try parse("é€: \"ü\"\n"))
  #expect(root.mapping?.first?.key.scalar == "é€")
  #expect(root["é€"]?.scalar == "ü")
  #expect(root["é€"]?.mark == mark(1, 5))
  #expect(parseError("éé: x: y")?.mark == mark(1, 6))
}

@Test func byteOrderMarkIsSkippedWithoutShiftingColumns() throws {
  let root = try #require(try YAMLParser.parse([0xEF, 0xBB, 0xBF] + Array("a: b".utf8)))
  #expect(root.mark == mark(1, 1))
  #expect(root["a"]?.mark == mark(1, 4))
  #expect(parseError([0xEF, 0xBB, 0xBF] + Array("a: b: c".utf8))?.mark == mark(1, 5))
}

@Test func crlfLineEndingsCountAsOneBreak() throws {
  let root = try #require(try parse("a: 1\r\nb:\r\n  - 2\r\n"))
  #expect(root["b"]?.sequence?.first?.mark == mark(3, 5))
  #expect(parseError("a: 1\r\nb: [1,\r\n  2, @]")?.mark == mark(3, 6))
}

@Test func explicitTagsAreKeptInShortForm() throws {
  let root = try #require(try parse("a: !!str 1\nb: !local x\nc: !!seq [1]\nd: 2\n"))
  #expect(root["a"]?.tag == "!!str")
  #expect(root["a"]?.scalar == "1")
  #expect(root["a"]?.mark == mark(1, 4))  // a node's mark includes its tag
  #expect(root["b"]?.tag == "!local")
  #expect(root["c"]?.tag == "!!seq")
  #expect(root["d"]?.tag == nil)
  #expect(root.tag == nil)
}

@Test func conveniencesAnswerNilForOtherKinds() throws {
  let root = try #require(try parse("a: [1]\nb: x\n"))
  #expect(root.scalar == nil)
  #expect(root.style == nil)
  #expect(root.sequence == nil)
  #expect(root["missing"] == nil)
  #expect(root["a"]?["x"] == nil)
  #expect(root["a"]?.mapping == nil)
  #expect(root["b"]?.sequence == nil)
}

@Test func marksOrderByLineThenColumn() {
  #expect(mark(1, 9) < mark(2, 1))
  #expect(mark(2, 1) < mark(2, 3))
  #expect(!(mark(2, 3) < mark(2, 3)))
}

// MARK: - Empty streams and documents

@Test func emptyStreamsGiveNil() throws {
  #expect(try parse("") == nil)
  #expect(try parse("# only\n# comments\n") == nil)
  #expect(try parse("\n   \n") == nil)
  #expect(try YAMLParser.parse([0xEF, 0xBB, 0xBF]) == nil)
}

@Test func twoDocumentsAreRejectedAtTheSecondStart() {
  #expect(parseError("a: 1\n---\nb: 2\n") == .multipleDocuments(at: mark(2, 1)))
  #expect(parseError("--- a\n...\n--- b\n") == .multipleDocuments(at: mark(3, 1)))
  #expect(
    parseError("a: 1\n---\n")?.message
      == "a factlint file holds one YAML document; "
      + "remove the '---' separator or split the file")
}

// MARK: - Anchors, aliases and merge keys

@Test func aliasesCopyTheAnchoredNode() throws {
  let text = """
    base: &base
      unit: EUR
      scale: 6
    copy: *base
    list: [&one 1, *one]
    """
  let root = try #require(try parse(text))
  let copy = try #require(root["copy"])
  #expect(copy.mark == mark(4, 7))  // the alias itself
  #expect(keys(copy) == ["unit", "scale"])
  #expect(copy["unit"]?.scalar == "EUR")
  #expect(copy["unit"]?.mark == mark(2, 9))  // inside: the anchored node's marks
  #expect(root["base"]?.mark == mark(1, 7))

  let list = try #require(root["list"]?.sequence)
  #expect(list.map(\.scalar) == ["1", "1"])
  #expect(list.map(\.mark) == [mark(5, 8), mark(5, 16)])
}

@Test func laterAnchorWithTheSameNameWins() throws {
  let root = try #require(try parse("a: &x 1\nb: &x 2\nc: *x\n"))
  #expect(root["c"]?.scalar == "2")
}

@Test func unknownAliasIsReported() {
  let error = parseError("a: &x 1\nb: *y\n")
  #expect(error == .unknownAlias("y", at: mark(2, 4)))
  #expect(error?.message == "unknown alias '*y'; define the anchor '&y' before using it")
}

@Test func aliasInsideItsOwnAnchorIsUnknown() {
  #expect(parseError("a: &a\n  b: [*a]\n") == .unknownAlias("a", at: mark(2, 7)))
}

/// Merges copy pairs where aliases share nodes, so what they copy counts against the budget: a
/// mapping of 1,000 keys merged into 100 mappings is 100,000 pairs from a few kilobytes.
@Test func mergedPairsCountAgainstTheAliasBudget() {
  let keys = (0..<1000).map { "k\($0): 1" }.joined(separator: ", ")
  let merges = String(repeating: "  - { <<: *m }\n", count: 100)
  let text = "m: &m { \(keys) }\nlist:\n" + merges
  let limits = YAMLLimits(maxExpandedNodes: 50_000)
  // Each merge costs its alias (2,001 nodes) and the 1,000 pairs it copies: the 16th of them,
  // on line 18, passes 50,000; counting the aliases alone would let 24 through.
  #expect(
    parseError(text, limits: limits) == .aliasExpansionTooLarge(limit: 50_000, at: mark(18, 11)))
  #expect(parseError(text, limits: YAMLLimits(maxExpandedNodes: 500_000)) == nil)
}

@Test func mergeKeysMergeWithExplicitKeysWinning() throws {
  let text = """
    base: &base { a: 1, b: 2 }
    more: &more { b: 3, c: 4 }
    x:
      a: 0
      <<: [*base, *more]
      d: 5
    y:
      <<: *base
      b: 9
    """
  let root = try #require(try parse(text))
  let x = try #require(root["x"])
  // Merged pairs go where '<<' stood; explicit 'a' wins, then the earlier 'b'.
  #expect(keys(x) == ["a", "b", "c", "d"])
  #expect(x.mapping?.map { $0.value.scalar } == ["0", "2", "4", "5"])
  #expect(x["b"]?.mark == mark(1, 24))

  let y = try #require(root["y"])
  #expect(keys(y) == ["a", "b"])
  #expect(y["b"]?.scalar == "9")
  #expect(y["b"]?.mark == mark(9, 6))
}

@Test func mergeKeyNeedsMappings() {
  let error = parseError("a: {<<: 1}\n")
  #expect(error == .syntax(problem: YAMLError.mergeProblem, context: nil, at: mark(1, 9)))
  #expect(
    error?.message
      == "invalid YAML: the merge key '<<' takes a mapping or a list of mappings; "
      + "merge an alias of a mapping, as in '<<: *defaults', or quote the key '<<'")
  #expect(parseError("a: &m {x: 1}\nb: {<<: [*m, [2]]}\n")?.mark == mark(2, 14))
}

@Test func quotedMergeKeyIsAnOrdinaryKey() throws {
  let root = try #require(try parse("'<<': 1\n"))
  #expect(root["<<"]?.scalar == "1")
}

// MARK: - Duplicate keys

@Test func duplicateKeyReportsBothMarks() {
  let text = """
    figure:
      metric: revenue
      period: 2017
      metric: ebit
    """
  let error = parseError(text)
  #expect(error == .duplicateKey("metric", at: mark(4, 3), first: mark(2, 3)))
  #expect(error?.mark == mark(4, 3))
  #expect(
    error?.message
      == "duplicate key 'metric' (first at line 2, column 3); remove or rename one of them")
}

@Test func duplicateKeysCompareByValueNotStyle() {
  #expect(parseError("{a: 1, \"a\": 2}") == .duplicateKey("a", at: mark(1, 8), first: mark(1, 2)))
}

@Test func duplicateKeyInALargeMapping() {
  let lines = (0..<40).map { "k\($0): \($0)" } + ["k7: again"]
  let error = parseError(lines.joined(separator: "\n"))
  #expect(error == .duplicateKey("k7", at: mark(41, 1), first: mark(8, 1)))
}

@Test func sameKeyInDifferentMappingsIsFine() throws {
  let root = try #require(try parse("a: {x: 1}\nb: {x: 2}\n? [x]\n: 1\n? [x]\n: 2\n"))
  #expect(root.mapping?.count == 4)  // non-scalar keys are not compared
}

@Test func mergedKeysAreNotDuplicates() throws {
  let root = try #require(try parse("d: &d {a: 1}\ne: {<<: *d, a: 2}\n"))
  #expect(root["e"]?["a"]?.scalar == "2")
  #expect(root["e"]?.mapping?.count == 1)
}

@Test func twoMergeKeysAreDuplicates() {
  let error = parseError("d: &d {a: 1}\ne:\n  <<: *d\n  <<: *d\n")
  #expect(error == .duplicateKey("<<", at: mark(4, 3), first: mark(3, 3)))
}

// MARK: - Limits

@Test func aliasBombFailsFast() {
  var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
  for level in 1..<10 {
    let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
    lines.append("a\(level): &a\(level) [\(aliases)]")
  }
  var error: YAMLError?
  let elapsed = ContinuousClock().measure {
    error = parseError(lines.joined(separator: "\n"))
  }
  #expect(error == .aliasExpansionTooLarge(limit: 10_000_000, at: mark(7, 45)))
  #expect(elapsed < .seconds(1))
  #expect(
    error?.message
      == "aliases expand to more than 10000000 nodes; remove the recursive or repeated aliases")
}

@Test func expansionLimitCountsEveryNode() throws {
  let limits = YAMLLimits(maxDepth: 512, maxExpandedNodes: 9)
  // [1, 2] stands for 3 nodes. Mapping, key, [1, 2], key, alias: 1 + 1 + 3 + 1 + 3 = 9.
  #expect(parseError("a: &x [1, 2]\nb: *x", limits: limits) == nil)
  // Sequence, [1, 2], alias, alias: 1 + 3 + 3 + 3 = 10 > 9, at the second alias.
  #expect(
    parseError("- &x [1, 2]\n- *x\n- *x", limits: limits)
      == .aliasExpansionTooLarge(limit: 9, at: mark(3, 3)))
}

@Test func aliasBombWithoutALimitStillEnds() {
  var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x]"]
  for level in 1..<20 {
    let aliases = Array(repeating: "*a\(level - 1)", count: 16).joined(separator: ", ")
    lines.append("a\(level): &a\(level) [\(aliases)]")
  }
  let limits = YAMLLimits(maxDepth: 512, maxExpandedNodes: .max)
  let error = parseError(lines.joined(separator: "\n"), limits: limits)
  // The count would pass Int.max at the seventh alias of a14, each standing for ~1.2e18.
  #expect(error == .aliasExpansionTooLarge(limit: .max, at: mark(16, 48)))
}

@Test func deepFlowNestingFailsFast() {
  let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
  var error: YAMLError?
  let elapsed = ContinuousClock().measure {
    error = parseError(bytes)
  }
  #expect(error == .nestingTooDeep(limit: 512, at: mark(1, 513)))
  #expect(elapsed < .seconds(1))
  #expect(error?.message == "nesting is deeper than 512 levels; flatten the structure")
}

@Test func nestingUpToTheLimitParses() throws {
  let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
  var node = try #require(try parse(text))
  var depth = 1
  while let inner = node.sequence?.first {
    node = inner
    depth += 1
  }
  #expect(depth == 512)
  #expect(parseError("[" + text + "]") == .nestingTooDeep(limit: 512, at: mark(1, 513)))
}

@Test func deepBlockNestingUsesTheLimit() {
  let limits = YAMLLimits(maxDepth: 3)
  #expect(parseError("a:\n  b:\n    c: 1\n", limits: limits) == nil)
  #expect(
    parseError("a:\n  b:\n    c:\n      d: 1\n", limits: limits)
      == .nestingTooDeep(limit: 3, at: mark(4, 7)))
}

@Test func aliasThatWouldNestTooDeepIsRejected() {
  let limits = YAMLLimits(maxDepth: 3)
  #expect(parseError("a: &x [[1]]\nb: *x\n", limits: limits) == nil)
  #expect(
    parseError("a: &x [[1]]\nb: [*x]\n", limits: limits)
      == .nestingTooDeep(limit: 3, at: mark(2, 5)))
}

// MARK: - Syntax errors from libyaml

@Test func invalidUTF8IsASyntaxErrorWithAMark() {
  let error = parseError([0x61, 0x3A, 0x20, 0xFF, 0xFE])
  #expect(
    error == .syntax(problem: "invalid leading UTF-8 octet 0xFF", context: nil, at: mark(1, 4)))
  #expect(
    error?.message == "invalid YAML: invalid leading UTF-8 octet 0xFF; save the file as UTF-8 text")
}

@Test func invalidUTF8OnALaterLine() {
  // libyaml blames the bad second byte; the mark is where the broken character starts.
  let error = parseError(Array("a: 1\nb: é".utf8) + [0xC3, 0x28])
  #expect(error?.mark == mark(2, 5))
  #expect(error?.message.hasPrefix("invalid YAML: invalid trailing UTF-8 octet 0x28;") == true)
  #expect(error?.message.hasSuffix("save the file as UTF-8 text") == true)
}

@Test func utf16IsRejected() {
  let error = parseError([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00])
  #expect(error?.mark == mark(1, 1))
  #expect(error?.message.hasSuffix("; save the file as UTF-8 text") == true)
}

@Test func nulByteIsASyntaxError() {
  let error = parseError(Array("a: b\nc: d".utf8) + [0x00] + Array("e".utf8))
  #expect(
    error
      == .syntax(
        problem: "control characters are not allowed (U+0000)", context: nil, at: mark(2, 5)))
  #expect(
    error?.message
      == "invalid YAML: control characters are not allowed (U+0000); save the file as UTF-8 text")
}

@Test func tabIndentationIsExplained() {
  let error = parseError("figure:\n\tmetric: revenue\n")
  #expect(
    error
      == .syntax(
        problem: YAMLError.tabProblem, context: "while scanning for the next token",
        at: mark(2, 1)))
  #expect(
    error?.message
      == "invalid YAML: found a tab character that cannot start any token "
      + "while scanning for the next token; indent with spaces, not tabs")
}

@Test func unclosedQuoteNamesWhereItStarted() {
  let error = parseError("a: \"abc\nb: 1\n")
  #expect(
    error
      == .syntax(
        problem: "found unexpected end of stream",
        context: "while scanning a quoted scalar that starts at line 1, column 4",
        at: mark(3, 1)))
  #expect(
    error?.message
      == "invalid YAML: found unexpected end of stream while scanning a quoted scalar "
      + "that starts at line 1, column 4; add the closing quote")
}

@Test func colonInPlainValueIsExplained() {
  let error = parseError("note: see: below\n")
  #expect(
    error
      == .syntax(
        problem: "mapping values are not allowed in this context", context: nil,
        at: mark(1, 10)))
  #expect(
    error?.message
      == "invalid YAML: mapping values are not allowed in this context; "
      + "check the indentation, or quote a value that contains ': '")
}

@Test func characterThatCannotStartATokenIsExplained() {
  let error = parseError("a: @x\n")
  #expect(error?.mark == mark(1, 4))
  #expect(
    error?.message
      == "invalid YAML: found character that cannot start any token "
      + "while scanning for the next token; quote the value")
}

@Test func badIndentationIsASyntaxError() {
  let error = parseError("a:\n  b: 1\n c: 2\n")
  #expect(
    error
      == .syntax(
        problem: "did not find expected key",
        context: "while parsing a block mapping that starts at line 1, column 1",
        at: mark(3, 2)))
  #expect(error?.message.hasSuffix("; check the indentation") == true)
}

@Test func unclosedFlowSequence() {
  let error = parseError("a: [1, 2\n")
  #expect(error?.mark == mark(2, 1))
  #expect(
    error?.message
      == "invalid YAML: did not find expected ',' or ']' while parsing a flow sequence "
      + "that starts at line 1, column 4; check the brackets and the commas between items")
}

@Test func unknownProblemGetsTheGenericHint() {
  let error = YAMLError.syntax(problem: "something odd", context: nil, at: mark(1, 1))
  #expect(error.message == "invalid YAML: something odd; fix the YAML syntax at this position")
}
