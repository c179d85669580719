// commentary-embed: the entry point a partner page loads as
//   <script type="module" src="…/commentary-embed.js"></script>
// It defines <commentary-embed>, starts the WebAssembly once for the whole page and mounts one
// widget per element. Every other file is found relative to this module's own URL, so the folder
// can be copied to any static host or CDN as it is.
//
// The wasm-bindgen glue is imported dynamically, so this module runs as soon as it arrives: the
// element is defined (and every `height`/`aspect` reservation made) without waiting for the glue,
// and a partner's `blocking="render"` on the script tag holds the first paint for this small file
// only. The glue's download still starts at once; the WebAssembly itself starts with the first
// widget that comes near the viewport, and that widget's document is fetched at the same time
// (not after the WebAssembly has started).
const base = import.meta.url;
const cssHref = new URL("commentary-embed.css", base).href;
// Another script defined the element first (an older copy of this loader, or the page's own
// element of that name): say so once, and fetch nothing.
const taken = typeof customElements === "object" && customElements.get("commentary-embed");
const glue = taken ? null : import("./commentary-embed-widget.js");
let started = null;

function start() {
  started ??= glue.then(async (module) => {
    await module.default({ module_or_path: new URL("commentary-embed-widget_bg.wasm", base) });
    return module;
  });
  return started;
}
// An unused import that failed is reported when a widget needs it, not as an unhandled rejection.
glue?.catch(() => {});

// The documents of the page: one request per document URL, shared by every widget that shows it,
// whatever their number (CONTRACTS §9 for the timing). A request that no widget wants any more
// (its `src` replaced, its element gone) is aborted. A request is kept while a widget holds it,
// so that a widget added later with the same `src` shares it; a failed one is shared by the
// first tries of its widgets, and a retry (a later `attempt`) asks again.
//
// `request(src, attempt)` answers `{ outcome, release() }`: `outcome` is a promise that never
// rejects, of `{ kind: "document", value }` (the parsed JSON), `{ kind: "network" | "invalid",
// message }`, `{ kind: "http", status, message }` or `{ kind: "aborted" }`. The widget decides
// what to do with each (src/domain/lifecycle.rs); this only fetches.
const STALL_MS = 10_000; // no response, or no bytes of the body, for this long: a network error

async function fetchDocument(src, controller) {
  let stalled = null;
  let timer = 0;
  const watch = (what) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = what;
      controller.abort();
    }, STALL_MS);
  };
  try {
    watch(`${src} did not answer within ${STALL_MS / 1000} s`);
    const response = await fetch(src, { mode: "cors", signal: controller.signal });
    if (!response.ok) {
      return { kind: "http", status: response.status, message: `${src} answered HTTP ${response.status}` };
    }
    watch(`${src} stopped sending for ${STALL_MS / 1000} s`);
    let text = "";
    if (response.body && typeof response.body.getReader === "function") {
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        watch(`${src} stopped sending for ${STALL_MS / 1000} s`);
      }
      text += decoder.decode();
    } else {
      text = await response.text();
    }
    clearTimeout(timer);
    try {
      return { kind: "document", value: JSON.parse(text) };
    } catch (error) {
      return { kind: "invalid", message: `${src} is not JSON: ${error?.message ?? error}` };
    }
  } catch (error) {
    if (stalled) return { kind: "network", message: stalled };
    if (controller.signal.aborted) return { kind: "aborted" };
    return { kind: "network", message: `could not fetch ${src}: ${error?.message ?? error}` };
  } finally {
    clearTimeout(timer);
  }
}

const requests = new Map();

export const documents = Object.freeze({
  request(src, attempt = 1) {
    let entry = requests.get(src);
    if (!entry || (entry.failed && attempt > entry.attempt)) {
      const controller = new AbortController();
      const made = { users: 0, settled: false, failed: false, attempt, controller, outcome: null };
      made.outcome = fetchDocument(src, controller).then((outcome) => {
        made.settled = true;
        made.failed = outcome.kind !== "document";
        return outcome;
      });
      requests.set(src, made);
      entry = made;
    }
    entry.users += 1;
    const held = entry;
    let released = false;
    return {
      outcome: held.outcome,
      release() {
        if (released) return;
        released = true;
        held.users -= 1;
        if (held.users > 0) return;
        if (requests.get(src) === held) requests.delete(src);
        if (!held.settled) held.controller.abort();
      },
    };
  },
});

// The startup error in every language the widget's UI speaks (src/domain/i18n.rs has the rest;
// `title` is its `cannot_show`, and tests/loader_strings.rs checks that none is missing).
const STARTUP_STRINGS = {
  en: {
    title: "This commentary cannot be shown here.",
    csp: "The page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src.",
    failed: "The widget could not start:",
  },
  tr: {
    title: "Bu yorum burada gösterilemiyor.",
    csp: "Sayfanın İçerik Güvenliği Politikası WebAssembly'ye izin vermiyor: script-src yönergesine 'wasm-unsafe-eval' ekleyin.",
    failed: "Bileşen başlatılamadı:",
  },
  ru: {
    title: "Этот комментарий не удаётся показать здесь.",
    csp: "Политика безопасности контента (CSP) страницы не разрешает WebAssembly: добавьте 'wasm-unsafe-eval' в script-src.",
    failed: "Не удалось запустить виджет:",
  },
  az: {
    title: "Bu şərhi burada göstərmək mümkün deyil.",
    csp: "Səhifənin Məzmun Təhlükəsizliyi Siyasəti WebAssembly-yə icazə vermir: script-src direktivinə 'wasm-unsafe-eval' əlavə edin.",
    failed: "Vidceti işə salmaq mümkün olmadı:",
  },
};

// The UI language before the document is known, in the order of CONTRACTS §3: the reader's
// stored choice (as the widget stores it), the element's lang, the browser's languages, English.
function startupLanguage(host) {
  let stored = null;
  try {
    stored = localStorage.getItem("commentary-embed:language");
  } catch {
    // Storage disabled or sandboxed: no stored choice.
  }
  const wishes = [stored, host.getAttribute("lang"), ...(navigator.languages ?? [])];
  for (const wish of wishes) {
    const primary = String(wish ?? "").trim().split(/[-_]/)[0].toLowerCase();
    if (Object.hasOwn(STARTUP_STRINGS, primary)) return primary;
  }
  return "en";
}

// Shown when the WebAssembly cannot start (old browser, a CSP without 'wasm-unsafe-eval', a
// failed download). Built with DOM calls only: no innerHTML, no inline style.
function showStartupError(host, error) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  root.replaceChildren();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = cssHref;
  const lang = startupLanguage(host);
  const words = STARTUP_STRINGS[lang];
  const box = document.createElement("div");
  box.className = "ce-error";
  box.setAttribute("part", "error");
  box.setAttribute("role", "alert");
  box.lang = lang;
  const title = document.createElement("p");
  title.className = "ce-error-title";
  title.textContent = words.title;
  const detail = document.createElement("p");
  detail.className = "ce-error-detail";
  const message = String(error?.message ?? error);
  const csp = /Content Security Policy|unsafe-eval|wasm-unsafe-eval/i.test(message);
  if (csp) {
    detail.textContent = words.csp;
  } else {
    // The browser's own message stays as it is (English, mostly), marked as such.
    const technical = document.createElement("span");
    technical.lang = "en";
    technical.textContent = message;
    detail.append(`${words.failed} `, technical);
  }
  box.append(title, detail);
  root.append(link, box, document.createElement("slot"));
  // The event is for the partner's logs: always in English.
  host.dispatchEvent(new CustomEvent("commentary-error", {
    bubbles: true,
    composed: true,
    detail: {
      src: host.getAttribute("src") ?? "",
      message: csp ? STARTUP_STRINGS.en.csp : `${STARTUP_STRINGS.en.failed} ${message}`,
    },
  }));
}

// The space a widget keeps before it has rendered, so that the host page does not move when the
// article replaces the fallback (layout shift, CLS): `height` (a CSS length; a bare number means
// pixels) and `aspect` (a CSS aspect-ratio, width / height, such as `2 / 5`). A value the browser
// does not accept as that property is ignored. Set through the CSSOM, which a CSP without
// 'unsafe-inline' allows, and released when the widget is ready or has failed.
function reservation(host) {
  const rules = [];
  const height = (host.getAttribute("height") ?? "").trim();
  if (height) {
    const value = /^\d+(\.\d+)?$/.test(height) ? `${height}px` : height;
    if (CSS.supports("min-height", value)) rules.push(["min-height", value]);
  }
  const aspect = (host.getAttribute("aspect") ?? "").trim();
  if (aspect && CSS.supports("aspect-ratio", aspect)) rules.push(["aspect-ratio", aspect]);
  // An element the page has not styled is inline, where neither applies.
  if (rules.length && getComputedStyle(host).display === "inline") rules.push(["display", "block"]);
  return rules;
}

function reserve(host) {
  const rules = reservation(host);
  if (!rules.length) return null;
  const before = rules.map(([name]) => [name, host.style.getPropertyValue(name), host.style.getPropertyPriority(name)]);
  for (const [name, value] of rules) host.style.setProperty(name, value);
  return () => {
    for (const [name, value, priority] of before) {
      if (value) host.style.setProperty(name, value, priority);
      else host.style.removeProperty(name);
    }
  };
}

// How close to the viewport a widget must come before it loads: about two screens ahead, so
// that a reader scrolling at reading speed never waits.
const NEAR_MARGIN = "1500px 0px";
const waiting = new WeakMap();
const nearby =
  typeof IntersectionObserver === "function"
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            nearby.unobserve(entry.target);
            const load = waiting.get(entry.target);
            waiting.delete(entry.target);
            load?.();
          }
        },
        { rootMargin: NEAR_MARGIN },
      )
    : null;

class CommentaryEmbedElement extends HTMLElement {
  #widget = null;
  #connection = null;
  #settled = false;
  #release = null;
  #early = null;

  static get observedAttributes() {
    return ["src", "lang", "theme", "share-url", "embed-code", "reading", "notes"];
  }

  connectedCallback() {
    const connection = (this.#connection = {});
    if (!this.#settled && !this.#release) {
      this.#release = reserve(this);
      if (this.#release) {
        const settle = (event) => {
          if (event.target !== this) return;
          this.#settled = true;
          this.removeEventListener("commentary-ready", settle);
          this.removeEventListener("commentary-error", settle);
          this.#release?.();
          this.#release = null;
        };
        this.addEventListener("commentary-ready", settle);
        this.addEventListener("commentary-error", settle);
      }
    }
    // Far below the fold, the document (and, for the first widget, the wasm) waits until the
    // reader comes near; `loading="eager"` starts at once.
    if (nearby && this.getAttribute("loading") !== "eager") {
      waiting.set(this, () => this.#load(connection));
      nearby.observe(this);
    } else {
      this.#load(connection);
    }
  }

  #load(connection) {
    // The document's download starts now, beside the WebAssembly's. The widget asks for the same
    // request once mounted; this hold on it lasts until the widget is ready or has failed (or the
    // element leaves), so that the request is never dropped in between.
    const src = (this.getAttribute("src") ?? "").trim();
    this.#early?.();
    if (src) {
      const early = documents.request(src, 1);
      const done = (event) => {
        if (event && event.target !== this) return;
        this.removeEventListener("commentary-ready", done);
        this.removeEventListener("commentary-error", done);
        if (this.#early === done) this.#early = null;
        early.release();
      };
      this.addEventListener("commentary-ready", done);
      this.addEventListener("commentary-error", done);
      this.#early = done;
    }
    start().then(
      (module) => {
        // Disconnected (or reconnected) while the module was starting: that call mounts.
        if (this.#connection !== connection || this.#widget) return;
        try {
          this.#widget = module.mount(this, cssHref, documents);
        } catch (error) {
          showStartupError(this, error);
        }
      },
      (error) => {
        if (this.#connection === connection) showStartupError(this, error);
      },
    );
  }

  disconnectedCallback() {
    this.#connection = null;
    this.#early?.();
    nearby?.unobserve(this);
    waiting.delete(this);
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      widget.unmount();
      widget.free();
    }
    // Moved or re-added later, the element shows its fallback (its own children) until its
    // document is shown again, never an empty shadow root.
    this.shadowRoot?.replaceChildren(document.createElement("slot"));
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#widget?.attribute_changed(name, newValue ?? undefined);
  }
}

if (taken) {
  console.warn(
    "commentary-embed: another script has already defined <commentary-embed> on this page; this copy of the widget does nothing",
  );
} else {
  customElements.define("commentary-embed", CommentaryEmbedElement);
}
