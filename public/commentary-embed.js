// commentary-embed: the entry point a partner page loads as
//   <script type="module" src="…/commentary-embed.js"></script>
// It defines <commentary-embed>, starts the WebAssembly once for the whole page and mounts one
// widget per element. Every other file is found relative to this module's own URL, so the folder
// can be copied to any static host or CDN as it is.
import init, { mount } from "./commentary-embed-widget.js";

const base = import.meta.url;
const cssHref = new URL("commentary-embed.css", base).href;
let started = null;

function start() {
  started ??= init({ module_or_path: new URL("commentary-embed-widget_bg.wasm", base) });
  return started;
}

// Shown when the WebAssembly cannot start (old browser, a CSP without 'wasm-unsafe-eval', a
// failed download). Built with DOM calls only: no innerHTML, no inline style.
function showStartupError(host, error) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: "open" });
  root.replaceChildren();
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = cssHref;
  const box = document.createElement("div");
  box.className = "ce-error";
  box.setAttribute("part", "error");
  box.setAttribute("role", "alert");
  const title = document.createElement("p");
  title.className = "ce-error-title";
  title.textContent = "This commentary cannot be shown here.";
  const detail = document.createElement("p");
  detail.className = "ce-error-detail";
  const message = String(error?.message ?? error);
  const csp = /Content Security Policy|unsafe-eval|wasm-unsafe-eval/i.test(message);
  detail.textContent = csp
    ? "The page's Content Security Policy does not allow WebAssembly: add 'wasm-unsafe-eval' to its script-src."
    : `The widget could not start: ${message}`;
  box.append(title, detail);
  root.append(link, box, document.createElement("slot"));
  host.dispatchEvent(new CustomEvent("commentary-error", {
    bubbles: true,
    composed: true,
    detail: { src: host.getAttribute("src") ?? "", message: detail.textContent },
  }));
}

class CommentaryEmbedElement extends HTMLElement {
  #widget = null;
  #connection = null;

  static get observedAttributes() {
    return ["src", "lang", "theme", "share-url", "embed-code"];
  }

  connectedCallback() {
    const connection = (this.#connection = {});
    start().then(
      () => {
        // Disconnected (or reconnected) while the module was starting: that call mounts.
        if (this.#connection !== connection || this.#widget) return;
        try {
          this.#widget = mount(this, cssHref);
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
    const widget = this.#widget;
    this.#widget = null;
    if (widget) {
      widget.unmount();
      widget.free();
    }
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue !== newValue) this.#widget?.attribute_changed(name, newValue ?? undefined);
  }
}

if (!customElements.get("commentary-embed")) {
  customElements.define("commentary-embed", CommentaryEmbedElement);
}
