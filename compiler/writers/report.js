// The HTML report's filters (compiler/writers/html.py): province, section kind, search.
// Units are the entries, table rows and paragraphs of <main>; a unit's provinces and kinds
// are those of the nearest element carrying data-p / data-k (itself or a section). A part
// whose units are all filtered out is hidden too. The page holds no words: they are in the
// form's labels and the status's data-template.
"use strict";
(() => {
  const form = document.getElementById("filters");
  const main = document.getElementById("main");
  if (!form || !main) return;
  const status = document.getElementById("filter-status");
  const units = Array.from(main.querySelectorAll("li, tbody tr, section > p, main > p"));
  const sections = Array.from(main.querySelectorAll("section"));
  const parentSection = (el) => el.parentElement && el.parentElement.closest("section");
  const holding = new Set(); // sections with units
  for (const unit of units) {
    for (let s = unit.closest("section"); s && !holding.has(s); s = parentSection(s)) {
      holding.add(s);
    }
  }
  const fold = (s) =>
    s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/\s+/g, " ");
  let texts = null; // folded unit texts: made when the page is idle, or on the first search
  const foldAll = () => {
    if (!texts) texts = units.map((unit) => fold(unit.textContent));
  };
  const value = (name) => (form.elements[name] ? form.elements[name].value : "");
  const fits = (el, key, wanted) => {
    if (!wanted) return true;
    const owner = el.closest("[data-" + key + "]");
    return !owner || owner.getAttribute("data-" + key).split(" ").includes(wanted);
  };

  function apply() {
    const province = value("p");
    const kind = value("k");
    const query = fold(value("q").trim());
    if (query) foldAll();
    const lit = new Set();
    let shown = 0;
    units.forEach((unit, n) => {
      const show = fits(unit, "p", province) && fits(unit, "k", kind) &&
        (!query || texts[n].includes(query));
      unit.hidden = !show;
      if (!show) return;
      shown += 1;
      for (let s = unit.closest("section"); s && !lit.has(s); s = parentSection(s)) lit.add(s);
    });
    for (const s of sections) {
      s.hidden = holding.has(s) ? !lit.has(s) : !(fits(s, "p", province) && fits(s, "k", kind));
    }
    status.textContent = province || kind || query
      ? status.dataset.template.replace("{shown}", shown).replace("{total}", units.length)
      : "";
  }

  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(apply, 0));
  // A link to a part the filters hide clears them first, so the link always lands.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (target && target.closest("[hidden]")) {
      form.reset();
      apply();
    }
  });
  // On a phone the contents fold, so that the filters sit right above what they show.
  const contents = document.querySelector("nav.toc details");
  if (contents && matchMedia("(max-width: 40rem)").matches) contents.open = false;
  addEventListener("beforeprint", () => {
    if (contents) contents.open = true;
  });
  form.hidden = false;
  apply();
  (window.requestIdleCallback || setTimeout)(foldAll);
})();
