// geograph Explorer: the anywidget front end. The view runs in a sandboxed
// iframe (its own document, no access to the notebook); state crosses by
// postMessage through templates/widget_bridge.js inside the page.
const KEYS = ["date", "selected", "selected_relation", "filters"];

function render({ model, el }) {
  const frame = document.createElement("iframe");
  frame.className = "geograph-explorer";
  frame.title = "geograph explorer";
  frame.setAttribute("sandbox", "allow-scripts allow-downloads allow-popups allow-popups-to-escape-sandbox");
  frame.style.width = "100%";
  frame.style.height = model.get("height");
  frame.style.border = "1px solid #ddd";
  frame.srcdoc = model.get("_page");
  el.appendChild(frame);

  let ready = false;
  let fromPage = null; // the last state the page reported, not to be sent back

  function push(keys) {
    if (!ready || !frame.contentWindow) return;
    const state = {};
    for (const k of keys) state[k] = model.get(k);
    if (fromPage && keys.every((k) => JSON.stringify(fromPage[k]) === JSON.stringify(state[k]))) return;
    frame.contentWindow.postMessage({ geograph: "set", state }, "*");
  }
  function onMessage(ev) {
    if (ev.source !== frame.contentWindow || !ev.data) return;
    if (ev.data.geograph === "ready") {
      ready = true;
      push(KEYS);
      return;
    }
    if (ev.data.geograph !== "state" || typeof ev.data.state !== "object") return;
    const state = ev.data.state;
    fromPage = state;
    let changed = false;
    for (const k of KEYS) {
      if (JSON.stringify(model.get(k)) !== JSON.stringify(state[k])) {
        model.set(k, state[k]);
        changed = true;
      }
    }
    if (changed) model.save_changes();
  }
  window.addEventListener("message", onMessage);
  const handlers = KEYS.map((k) => {
    const h = () => push([k]);
    model.on(`change:${k}`, h);
    return [k, h];
  });
  const onHeight = () => { frame.style.height = model.get("height"); };
  model.on("change:height", onHeight);
  return () => {
    window.removeEventListener("message", onMessage);
    for (const [k, h] of handlers) model.off(`change:${k}`, h);
    model.off("change:height", onHeight);
  };
}

export default { render };
