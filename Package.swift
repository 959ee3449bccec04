// swift-tools-version:6.0
import PackageDescription

// The layers, each knowing only those below it: bytes -> located nodes or prose -> figures and
// claims -> checks -> diagnostics -> reporters -> the command line.
let package = Package(
  name: "factlint",
  products: [
    .executable(name: "factlint", targets: ["Lint"]),
    .executable(name: "factlint-bench", targets: ["Bench"]),
    // The web page for editors, apart so that `factlint` itself builds no web server.
    .executable(name: "factlint-serve", targets: ["FactlintServe"]),
    // Databases checked in place, apart so that `factlint` itself builds no database client.
    .executable(name: "factlint-db", targets: ["FactlintDB"]),
    .library(name: "FactlintModel", targets: ["FactlintModel"]),
    .library(name: "FactlintYAML", targets: ["FactlintYAML"]),
    .library(name: "FactlintReading", targets: ["FactlintReading"]),
    .library(name: "RuleEngine", targets: ["RuleEngine"]),
    .library(name: "Checks", targets: ["Checks"]),
    .library(name: "FactlintReporting", targets: ["FactlintReporting"]),
    .library(name: "FactlintLSP", targets: ["FactlintLSP"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    .systemLibrary(
      name: "CYaml",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // SQLite files for `factlint db`, through the system's libsqlite3.
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
    ),
    // Plain Swift: exact decimals, quantities, periods, figures, claims, locations, findings,
    // diagnostics and the wording of input problems.
    .target(name: "FactlintModel"),
    // libyaml events -> located nodes, and the located field reader; the only importer of CYaml.
    .target(name: "FactlintYAML", dependencies: ["FactlintModel", "CYaml"]),
    // Articles and prose: bytes in, articles and extracted figures and claims out.
    .target(name: "FactlintReading", dependencies: ["FactlintModel"]),
    // XLSX workbooks: the zip's parts through ZIPFoundation, a streaming XML scanner, cells
    // shown as their number formats show them.
    .target(
      name: "FactlintSpreadsheet",
      dependencies: ["FactlintModel", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
    // Data and rule loading, configuration, the Check protocol and registry, evaluation,
    // article runs, plugins.
    .target(
      name: "RuleEngine",
      dependencies: ["FactlintModel", "FactlintYAML", "FactlintReading", "FactlintSpreadsheet"]),
    .target(name: "Checks", dependencies: ["RuleEngine", "FactlintModel"]),
    // Databases as data: sources and column mappings, rows as figures, the built-in checks
    // compiled to portable SQL per dialect, and the in-place run over any SQL connection.
    .target(
      name: "FactlintDatabase",
      dependencies: ["RuleEngine", "FactlintModel", "FactlintYAML"]),
    // Reporters, baselines, generated docs and schemas.
    .target(
      name: "FactlintReporting", dependencies: ["RuleEngine", "FactlintModel", "FactlintReading"]),
    // The command line as a library: session, run options, exit status, progress, terminal.
    .target(
      name: "FactlintCLI",
      dependencies: ["FactlintReporting", "RuleEngine", "FactlintModel", "FactlintReading"]),
    // The language server: message framing, documents, diagnostics through the CLI's run.
    .target(
      name: "FactlintLSP",
      dependencies: [
        "FactlintCLI", "FactlintReporting", "RuleEngine", "FactlintModel", "FactlintReading",
      ]),
    // `factlint serve`: the page, the JSON API and the marked draft, on Hummingbird.
    .executableTarget(
      name: "FactlintServe",
      dependencies: [
        "FactlintCLI", "FactlintReporting", "RuleEngine", "Checks", "FactlintModel",
        "FactlintReading", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // `factlint db`: the in-place run over PostgreSQL, through postgres-nio, and SQLite files.
    .executableTarget(
      name: "FactlintDB",
      dependencies: [
        "FactlintDatabase", "FactlintCLI", "FactlintReporting", "RuleEngine", "Checks",
        "FactlintModel", "FactlintYAML", "CSQLite",
        .product(name: "PostgresNIO", package: "postgres-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "Lint",
      dependencies: [
        "FactlintCLI", "FactlintLSP", "FactlintReporting", "RuleEngine", "Checks", "FactlintModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // For tests and the benchmark only: example runner, binary runner, golden files, generators.
    .target(
      name: "FactlintTestSupport",
      dependencies: [
        "RuleEngine", "FactlintModel", "FactlintYAML",
        .product(name: "ZIPFoundation", package: "ZIPFoundation"),
      ]),
    .target(
      name: "BenchSupport",
      dependencies: ["RuleEngine", "Checks", "FactlintModel", "FactlintYAML", "FactlintReading"]),
    .executableTarget(
      name: "Bench",
      dependencies: [
        "RuleEngine", "FactlintModel", "FactlintReading", "FactlintYAML", "BenchSupport",
        "FactlintTestSupport", "FactlintLSP", "Checks",
      ]),
    .testTarget(
      name: "RuleEngineTests",
      dependencies: [
        "RuleEngine", "FactlintModel", "FactlintYAML", "FactlintReading", "FactlintReporting",
        "FactlintCLI", "FactlintTestSupport", "FactlintSpreadsheet",
      ]),
    .testTarget(
      name: "ChecksTests",
      dependencies: [
        "Checks", "RuleEngine", "FactlintModel", "FactlintYAML", "FactlintReading",
        "FactlintReporting", "FactlintCLI", "BenchSupport", "FactlintTestSupport",
      ]),
    .testTarget(
      name: "LintTests",
      dependencies: [
        "FactlintDatabase", "FactlintLSP", "RuleEngine", "Checks", "FactlintModel", "FactlintYAML",
        "FactlintReading",
        "FactlintReporting", "FactlintCLI", "FactlintTestSupport",
      ],
      exclude: ["Fixtures", "Golden"]),
  ]
)
