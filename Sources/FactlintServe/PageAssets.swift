/// The page `factlint serve` serves at `/`: a form for the draft, the marked draft, a side panel
/// for the figure under the pointer or the keyboard, and the checks and data it was checked
/// against. The server renders the marked draft (escaped) and the script inserts it as it is; a
/// draft may also come in the address's fragment (`#name=draft.md&draft=...`).
enum PageAssets {
  static let page = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>factlint</title>
    <style>
    :root { --error: #c62828; --warning: #b26a00; --agrees: #2e7d32; --unverified: #5c6bc0;
      --line: #d9d9d9; font: 16px/1.5 system-ui, sans-serif; color: #1d1d1d; }
    body { margin: 0; }
    header { padding: 0.6rem 1.2rem; border-bottom: 1px solid var(--line); display: flex;
      gap: 1rem; align-items: baseline; }
    header h1 { font-size: 1.2rem; margin: 0; }
    main { display: grid; grid-template-columns: minmax(0, 1fr) 24rem; gap: 1.2rem;
      padding: 1rem 1.2rem; }
    form { display: grid; gap: 0.5rem; margin-bottom: 1rem; }
    textarea { width: 100%; min-height: 9rem; font: 14px/1.4 ui-monospace, monospace;
      box-sizing: border-box; }
    .controls { display: flex; gap: 0.8rem; align-items: center; flex-wrap: wrap; }
    .draft p { white-space: pre-line; max-width: 46rem; }
    mark.figure { background: none; border-bottom: 3px solid; padding: 0 1px; cursor: help; }
    mark.figure:focus, mark.figure.current { outline: 2px solid #444; }
    mark.agrees { border-color: var(--agrees); background: #e8f5e9; }
    mark.error { border-color: var(--error); background: #ffebee; }
    mark.warning { border-color: var(--warning); background: #fff3e0; }
    mark.unverified { border-color: var(--unverified); border-bottom-style: dashed; }
    mark.unchecked { border-color: #bbb; border-bottom-style: dotted; }
    .summary { font-weight: 600; }
    aside { border-left: 1px solid var(--line); padding-left: 1.2rem; font-size: 0.92rem; }
    aside h3 { margin: 0.2rem 0; }
    aside dl { display: grid; grid-template-columns: auto 1fr; gap: 0 0.8rem; margin: 0.4rem 0; }
    aside dt { color: #555; }
    aside dd { margin: 0; }
    .detail.error .verdict, li.error { color: var(--error); }
    .detail.warning .verdict, li.warning { color: var(--warning); }
    .detail.agrees .verdict { color: var(--agrees); }
    .claim { border-top: 1px solid var(--line); margin-top: 0.5rem; padding-top: 0.3rem; }
    .claim h4 { margin: 0.2rem 0; font-size: 0.92rem; }
    code { font-size: 0.88em; }
    .legend span { margin-right: 0.6rem; }
    </style>
    </head>
    <body>
    <header><h1>factlint</h1>
    <span class="legend"><span><mark class="figure agrees">agrees</mark></span>
    <span><mark class="figure error">error</mark></span>
    <span><mark class="figure warning">warning</mark></span>
    <span><mark class="figure unverified">unverified</mark></span>
    <span><mark class="figure unchecked">not checked</mark></span></span></header>
    <main>
    <div>
    <form id="form">
    <label for="draft">Paste a draft (Markdown, text, HTML or WordPress JSON), or upload one.</label>
    <textarea id="draft" name="draft" spellcheck="false"></textarea>
    <div class="controls">
    <label>Format <select id="format">
    <option value="md">Markdown</option><option value="txt">Text</option>
    <option value="html">HTML</option><option value="json">WordPress JSON</option>
    </select></label>
    <input type="file" id="file" accept=".md,.markdown,.txt,.text,.html,.htm,.json">
    <button type="submit">Check</button>
    </div>
    </form>
    <div id="result" aria-live="polite"></div>
    </div>
    <aside id="panel"><p>Point at a figure, or move to it with the Tab key, to see its reading,
    the claims it takes part in and their arithmetic.</p></aside>
    </main>
    <script>
    "use strict";
    const form = document.getElementById("form");
    const draft = document.getElementById("draft");
    const format = document.getElementById("format");
    const result = document.getElementById("result");
    const panel = document.getElementById("panel");
    let name = "draft.md";

    function show(mark) {
      const detail = document.getElementById("figure-" + mark.dataset.figure);
      if (!detail) return;
      for (const other of document.querySelectorAll("mark.current")) other.classList.remove("current");
      mark.classList.add("current");
      panel.replaceChildren(detail.cloneNode(true));
    }

    async function check() {
      const extension = format.value;
      if (!name.endsWith("." + extension)) name = "draft." + extension;
      document.body.dataset.state = "checking";
      const response = await fetch("/api/page?name=" + encodeURIComponent(name),
        { method: "POST", body: draft.value });
      if (!response.ok) {
        result.textContent = "The server refused the draft: " + response.status + " " +
          (await response.text());
        document.body.dataset.state = "failed";
        return;
      }
      // The server escapes everything it renders from the draft and the data.
      result.innerHTML = await response.text();
      for (const mark of result.querySelectorAll("mark.figure")) {
        mark.addEventListener("mouseenter", () => show(mark));
        mark.addEventListener("focus", () => show(mark));
        mark.addEventListener("click", () => show(mark));
      }
      const against = document.getElementById("against");
      const first = result.querySelector("mark.error, mark.warning");
      if (first) show(first); else if (against) panel.replaceChildren(against.cloneNode(true));
      document.body.dataset.state = "checked";
    }

    form.addEventListener("submit", (event) => { event.preventDefault(); check(); });
    document.getElementById("file").addEventListener("change", async (event) => {
      const file = event.target.files[0];
      if (!file) return;
      name = file.name;
      const extension = name.split(".").pop().toLowerCase();
      const known = { md: "md", markdown: "md", txt: "txt", text: "txt", html: "html",
        htm: "html", json: "json" };
      format.value = known[extension] || "md";
      draft.value = await file.text();
      check();
    });

    // A draft in the address: #name=draft.md&draft=TEXT (both URI-encoded).
    if (location.hash.length > 1) {
      const given = new URLSearchParams(location.hash.slice(1));
      if (given.has("draft")) {
        draft.value = given.get("draft");
        if (given.has("name")) name = given.get("name");
        const extension = name.split(".").pop().toLowerCase();
        if (["md", "txt", "html", "json"].includes(extension)) format.value = extension;
        check();
      }
    }
    </script>
    </body>
    </html>
    """
}
