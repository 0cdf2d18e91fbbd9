// The globals the theme's bundle expects (__md_scope, __md_hash, __md_get,
// __md_set), as a file instead of the theme's inline script, so that the
// Content-Security-Policy can forbid every inline script. Unlike the theme's
// version, reading storage never throws when the browser blocks localStorage.
(function () {
  const script = document.currentScript;
  window.__md_scope = new URL(script.dataset.scope, location);
  window.__md_hash = (text) => [...text].reduce((hash, char) => (hash << 5) - hash + char.charCodeAt(0), 0);
  const local = () => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  };
  window.__md_get = (key, storage = local(), scope = window.__md_scope) => {
    try {
      return JSON.parse(storage.getItem(`${scope.pathname}.${key}`));
    } catch {
      return null;
    }
  };
  window.__md_set = (key, value, storage = local(), scope = window.__md_scope) => {
    try {
      storage.setItem(`${scope.pathname}.${key}`, JSON.stringify(value));
    } catch {
      // storage blocked or full: the preference lasts as long as the page
    }
  };
})();
