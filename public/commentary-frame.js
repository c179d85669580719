// commentary-embed's frame script: the one script of an embed page
// (<out-dir>/<id>/<lang>/embed/index.html, CONTRACTS §4) besides the loader. It tells the page
// that frames it how tall the commentary is, and carries the reader's links out of the frame.
//
// Height, at load, on every change of the page's height (a language switch, the cite panel, a
// note, fonts arriving, a resize: one ResizeObserver on <body>), and in reply to WordPress's
// `ready`:
//   - WordPress's wp-embed protocol (wp-includes/js/wp-embed.js, 6.1): the secret is the LAST
//     `secret=` of location.hash (WordPress appends `#?secret=…` to the frame's src, sometimes
//     after the frame has loaded: the hash is read again on `hashchange` and on `ready`);
//     posted `{ message: "height", value, secret }`. WordPress then hides its blockquote, shows
//     the frame and sets its height (between 200 and 1000 px).
//   - any other host: `{ type: "commentary-embed:height", id, lang, height }`.
// Links: a click on a link to this page's own host (the publisher's, say the article page) is
// posted as `{ message: "link", value, secret }` (WordPress follows only such links, and only
// in the parent page); any other link, which a sandboxed frame (sandbox="allow-scripts": no
// popups, no top navigation) cannot open, is opened in a new window where the frame may, else
// the page says so and offers the link to copy and the article on the publisher's site.
//
// Opened directly (not in a frame), it does nothing. No inline script, no eval, no style
// attribute (CSP-friendly); nothing it calls may throw into the page.

const element = document.querySelector("commentary-embed");
const framed = window.parent !== window;
const id = element?.dataset.commentaryId ?? "";
let lang = element?.getAttribute("lang") ?? document.documentElement.lang ?? "";
let secret = "";
let lastHeight = -1;

/** The last `secret=` of the hash (letters and digits only, as wp-embed.js accepts). */
function readSecret() {
  const match = /.*secret=([A-Za-z0-9]+)/.exec(window.location.hash);
  if (match) secret = match[1];
  return secret;
}

function post(message) {
  try {
    window.parent.postMessage(message, "*");
  } catch {
    // A parent that went away: nothing to tell.
  }
}

/** The page's height in CSS pixels: the body's box, rounded up. */
function height() {
  const body = document.body;
  if (!body) return 0;
  return Math.ceil(body.getBoundingClientRect().height);
}

/** Posts the height (both protocols); `force` posts even an unchanged height. */
function report(force = false) {
  if (!framed) return;
  const value = height();
  if (!force && value === lastHeight) return;
  lastHeight = value;
  if (readSecret()) post({ message: "height", value, secret });
  post({ type: "commentary-embed:height", id, lang, height: value });
}

if (framed) {
  readSecret();
  window.addEventListener("hashchange", () => {
    readSecret();
    report(true);
  });
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.message !== "ready") return;
    // WordPress's own embed template answers a `ready` with its secret; so does this page.
    readSecret();
    if (typeof data.secret === "string" && data.secret === secret) report(true);
  });
  // The shown language, for the generic message.
  const follow = (event) => {
    if (event.target !== element) return;
    if (event.detail?.lang) lang = event.detail.lang;
    report(true);
  };
  document.addEventListener("commentary-ready", follow);
  document.addEventListener("commentary-language-change", follow);
  document.addEventListener("commentary-error", () => report(true));
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => report()).observe(document.body);
  } else {
    window.addEventListener("resize", () => report());
  }
  window.addEventListener("load", () => report(true));
  document.fonts?.addEventListener?.("loadingdone", () => report());
  report(true);
}

// ---- Links out of the frame -------------------------------------------------------------

const STRINGS = {
  en: {
    blocked: "This site does not let the commentary open new windows.",
    copy: "Copy the link:",
    open: "Open the article on",
    close: "Close",
  },
  tr: {
    blocked: "Bu site, yorumun yeni pencere açmasına izin vermiyor.",
    copy: "Bağlantıyı kopyalayın:",
    open: "Makaleyi şurada açın:",
    close: "Kapat",
  },
  ru: {
    blocked: "Этот сайт не разрешает комментарию открывать новые окна.",
    copy: "Скопируйте ссылку:",
    open: "Открыть статью на",
    close: "Закрыть",
  },
  az: {
    blocked: "Bu sayt şərhə yeni pəncərə açmağa icazə vermir.",
    copy: "Keçidi kopyalayın:",
    open: "Məqaləni burada açın:",
    close: "Bağla",
  },
};

function words() {
  const primary = String(lang).split("-")[0].toLowerCase();
  return STRINGS[primary] ?? STRINGS.en;
}

/** The article page of the shown version on this (the publisher's) host: the document
 * `<base><id>.json` has its pages at `<base><id>/<lang>/`. */
function articlePage() {
  try {
    const src = new URL(element?.getAttribute("src") ?? "", window.location.href);
    src.search = "";
    src.hash = "";
    if (src.pathname.endsWith(".json")) {
      src.pathname = `${src.pathname.slice(0, -".json".length)}/${lang}/`;
      return src.href;
    }
  } catch {
    // No usable src: the folder above this page is the article page.
  }
  return new URL("../", window.location.href).href;
}

/** Sends `url` (on this page's host) to the parent to open there; false when it cannot. */
function openInParent(url) {
  if (!framed || !readSecret()) return false;
  post({ message: "link", value: url, secret });
  return true;
}

let notice = null;

/** Says that `url` could not be opened, with the link to copy and the article to open. */
function showBlocked(url) {
  notice?.remove();
  const w = words();
  const box = document.createElement("div");
  box.className = "ce-frame-notice";
  box.setAttribute("role", "alert");
  box.lang = Object.hasOwn(STRINGS, String(lang).split("-")[0].toLowerCase()) ? lang : "en";
  const text = document.createElement("p");
  text.textContent = `${w.blocked} ${w.copy}`;
  const field = document.createElement("input");
  field.type = "text";
  field.readOnly = true;
  field.value = url;
  field.setAttribute("aria-label", w.copy);
  const article = articlePage();
  const line = document.createElement("p");
  const link = document.createElement("a");
  link.href = article;
  link.textContent = new URL(article).host;
  line.append(`${w.open} `, link);
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = w.close;
  close.addEventListener("click", () => {
    box.remove();
    notice = null;
  });
  box.append(text, field, line, close);
  document.body.prepend(box);
  notice = box;
  field.focus();
  field.select();
  report(true);
}

/** Opens `url` in a new window; false when the frame may not (sandboxed without popups). */
function openWindow(url) {
  let opened = null;
  try {
    // Without `noopener`, so that a refusal (null) can be told from a success.
    opened = window.open(url, "_blank");
  } catch {
    opened = null;
  }
  if (!opened) return false;
  try {
    opened.opener = null;
  } catch {
    // Cross-origin already: nothing to cut.
  }
  return true;
}

if (framed) {
  document.addEventListener("click", (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const anchor = event.composedPath().find((node) => node instanceof HTMLAnchorElement && node.hasAttribute("href"));
    if (!anchor) return;
    const raw = anchor.getAttribute("href") ?? "";
    if (raw.startsWith("#")) return; // in-page (note references, back-links)
    let url;
    try {
      url = new URL(anchor.href, window.location.href);
    } catch {
      return;
    }
    if (!/^(https?|mailto):$/.test(url.protocol)) return;
    const ownHost = url.protocol !== "mailto:" && url.host === window.location.host;
    event.preventDefault();
    // The publisher's own pages open in the parent page where the host follows `link`.
    if (ownHost && openInParent(url.href)) return;
    if (openWindow(url.href)) return;
    // A page of this host may still open in the frame itself.
    if (ownHost) window.location.assign(url.href);
    else showBlocked(url.href);
  });
}
