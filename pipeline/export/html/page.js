// caselit review page: filter and sort the table; open a report (its text is kept in a
// <template> and rendered only when opened) from a link "#r12" or "#r12/c1e34" (a finding).
(function () {
  const table = document.querySelector("main table"), body = table.tBodies[0];
  const view = document.getElementById("view");
  document.getElementById("filter").addEventListener("input", (event) => {
    const words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const row of body.rows) {
      const text = row.textContent.toLowerCase();
      row.hidden = !words.every((w) => text.includes(w));
    }
  });
  table.tHead.addEventListener("click", (event) => {
    const th = event.target.closest("th");
    if (!th) return;
    const column = th.cellIndex, descending = th.classList.contains("asc");
    for (const other of th.parentNode.cells) other.classList.remove("asc", "desc");
    th.classList.add(descending ? "desc" : "asc");
    const key = (row) => {
      const text = row.cells[column].textContent.trim(), number = parseFloat(text);
      return text === "" ? null : isNaN(number) || !/^[\d.]/.test(text) ? text.toLowerCase() : number;
    };
    const rows = Array.from(body.rows).map((row) => [key(row), row]);
    rows.sort((a, b) => (a[0] === null) - (b[0] === null) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) * (descending ? -1 : 1));
    for (const [, row] of rows) body.appendChild(row);
  });
  function show() {
    const [report, mark] = decodeURIComponent(location.hash.slice(1)).split("/");
    const template = report && document.getElementById("t-" + report);
    document.body.classList.toggle("open", !!template);
    for (const row of body.querySelectorAll("tr.current")) row.classList.remove("current");
    if (!template) { view.replaceChildren(); return; }
    if (view.dataset.report !== report) {
      view.replaceChildren(template.content.cloneNode(true));
      view.dataset.report = report;
      view.scrollTop = 0;
    }
    for (const row of body.querySelectorAll(`tr[data-report="${report}"]`)) row.classList.add("current");
    const target = mark && document.getElementById(report + "-" + mark);
    for (const old of view.querySelectorAll(".focus")) old.classList.remove("focus");
    if (target) {
      const shown = target.tagName === "A" ? target.nextElementSibling || target : target;
      shown.scrollIntoView({ block: "center" });
      shown.classList.add("focus");
    }
  }
  window.addEventListener("hashchange", show);
  show();
})();
