/// What HTML tags mean for prose, shared by the HTML and Markdown readers.
enum HTMLTags {
  /// A tag's effect on the prose around it.
  enum Role {
    /// Ends a block: paragraphs, headings, list items, table rows, sections.
    case block
    /// Ends a line: `<br>`.
    case lineBreak
    /// Starts a table cell, joined to the previous one with "; ".
    case cell
    /// Holds no prose: `<noscript>`, `<template>`, `<svg>`, `<math>`.
    case skip
    /// Preformatted: a block whose white space is kept.
    case pre
    /// Inline: removed without a trace, so `<b>23</b>.16` reads 23.16.
    case inline
  }

  private static let blocks: Set<String> = [
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
    "blockquote", "ul", "ol", "table", "header", "footer", "figure", "figcaption", "hr", "main",
    "nav", "aside", "address", "dl", "dt", "dd", "caption", "thead", "tbody", "tfoot",
    "details", "summary", "fieldset", "legend", "form", "center", "menu", "dialog", "hgroup",
    "search", "body", "html", "option", "frameset", "dir", "listing",
  ]

  /// The role of the tag named `name` (lower case).
  static func role(_ name: String) -> Role {
    switch name {
    case "br": return .lineBreak
    case "td", "th": return .cell
    case "noscript", "template", "svg", "math": return .skip
    case "pre": return .pre
    default: return blocks.contains(name) ? .block : .inline
    }
  }

  /// Applies a start or end tag's role to `builder`, for tags whose content is parsed normally.
  static func apply(_ role: Role, isEnd: Bool, to builder: inout TextBuilder) {
    switch role {
    case .block, .pre: builder.breakBlock()
    case .lineBreak: builder.lineBreak(promote: true)
    case .cell: if !isEnd { builder.cellBreak() }
    case .skip: builder.skipDepth = max(0, builder.skipDepth + (isEnd ? -1 : 1))
    case .inline: break
    }
  }
}
