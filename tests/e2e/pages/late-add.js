// The partner's own script: once the first widget is ready (so the widget's script has certainly
// run and defined the element), it adds a second <commentary-embed> with the public markup.
const early = document.getElementById('early');

function addLateWidget() {
  if (document.getElementById('late')) return;
  const el = document.createElement('commentary-embed');
  el.id = 'late';
  el.setAttribute('src', 'http://cdn.test/c/2026-36.json');
  el.setAttribute('lang', 'tr');
  // Far below the first widget's article: load now rather than when scrolled near.
  el.setAttribute('loading', 'eager');
  const fallback = document.createElement('a');
  fallback.href = 'https://www.avim.org.tr/tr/Yorum/';
  fallback.textContent = 'Türk Devletleri Arasındaki Dayanışma';
  el.append(fallback);
  document.getElementById('late-slot').append(el);
  document.documentElement.dataset.lateAdded = String(performance.now());
}

early.addEventListener('commentary-ready', addLateWidget, { once: true });
// Should #early fail, add the late one anyway so that the test reports both outcomes.
early.addEventListener('commentary-error', addLateWidget, { once: true });
