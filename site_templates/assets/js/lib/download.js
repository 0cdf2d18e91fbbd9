// Saves a Blob as a file: an object URL on a temporary <a download>.

export function downloadBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; give slow browsers time before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

export function textBlob(text, type) {
  return new Blob([text], { type: `${type};charset=utf-8` });
}
