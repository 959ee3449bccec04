import RuleEngine

// docs/checks.md: the reference of every check kind.

extension GeneratedFiles {
  /// The reference of every check: a table, then each check's `factlint explain` text.
  static func checksMarkdown(registry: CheckRegistry) -> String {
    let descriptions = registry.ids.compactMap { registry.check($0)?.description }
    var text = "<!-- \(notice) -->\n\n# Checks\n\n"
    text += "A rule names its check in `check:`. Each section below is what "
    text += "`factlint explain ID` prints.\n\n"
    text += "| check | summary |\n|---|---|\n"
    for description in descriptions {
      let summary = description.summary.replacingOccurrences(of: "|", with: "\\|")
      text += "| [`\(description.id)`](#\(description.id)) | \(summary) |\n"
    }
    for description in descriptions {
      text += "\n" + demoteHeadings(CheckDocumentation.markdown(description))
    }
    return text
  }

  /// Moves every heading one level down, so each check nests under the page's title; lines in
  /// code blocks are YAML comments, not headings.
  static func demoteHeadings(_ markdown: String) -> String {
    var inCode = false
    var lines: [String] = []
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") { inCode.toggle() }
      lines.append(!inCode && line.hasPrefix("#") ? "#" + line : String(line))
    }
    return lines.joined(separator: "\n")
  }
}
