// Opens the content tab a URL fragment points at (the theme does this with
// an inline script; see globals.js for why it is a file).
(function () {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
