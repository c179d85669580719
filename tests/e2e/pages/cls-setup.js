// cls.html: copies the query's `height` and `aspect` onto the widget element before the loader
// (a module, so deferred) defines it: as if the partner had written them in the markup.
(() => {
  const query = new URLSearchParams(location.search);
  const host = document.getElementById('w');
  for (const name of ['height', 'aspect']) {
    if (query.has(name)) host.setAttribute(name, query.get(name));
  }
})();
