// Where the selection lives and the event that announces a change. Apart from
// store.js so that every page can tell whether a selection is stored (and hear
// changes) without downloading the store itself (controls.js).
export const STORAGE_KEY = "kk.selectie.v2";
export const V1_STORAGE_KEY = "kk.selectie.v1";
export const CHANGE_EVENT = "kk:selection-changed";
