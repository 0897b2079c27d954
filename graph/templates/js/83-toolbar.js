/*
 * toolbar: on a narrow screen (a phone), the ways of looking at the graph sit
 * behind one "Options" button, so that the graph keeps the screen; finding an
 * actor, Fit, the date and the count of what is shown stay in sight.
 * Provides on gg: setOptionsOpen(open).
 * Uses: util. Runs after the parts that add controls to the toolbar (44-size,
 * 55-map, 82-blocs, 82-compare-ui): every control they add is found here.
 * view.css ("phone toolbar") hides the marked controls below 720 px unless open;
 * on a wide screen the button is not drawn and every control shows.
 */
var header = document.querySelector(".gg-header");
var toolbar = document.querySelector(".gg-toolbar");
// what stays in sight on a phone: finding an actor and Fit
var KEEP = { "gg-search": true, "gg-fit": true };

function kept(node) {
  if (node.tagName === "DATALIST") return true;
  if (node.id && KEEP[node.id]) return true;
  if (node.tagName === "LABEL" && KEEP[node.htmlFor]) return true;
  return !!(node.querySelector && node.querySelector("#gg-search"));  // the search box's wrapper
}

var button = gg.el("button", "gg-options-toggle", "Options");
button.type = "button";
button.id = "gg-options";
button.setAttribute("aria-expanded", "false");
button.title = "Layout, colour, size, compare, PNG export, reset";

function setOptionsOpen(open) {
  header.classList.toggle("gg-options-open", !!open);
  button.setAttribute("aria-expanded", open ? "true" : "false");
}

if (header && toolbar) {
  Array.prototype.forEach.call(toolbar.children, function (node) {
    if (!kept(node)) node.classList.add("gg-secondary");
  });
  var compare = header.querySelector(".gg-compare-control");
  if (compare) compare.classList.add("gg-secondary");
  var fitButton = document.getElementById("gg-fit");
  toolbar.insertBefore(button, fitButton ? fitButton.nextSibling : null);
  button.addEventListener("click", function () {
    setOptionsOpen(button.getAttribute("aria-expanded") !== "true");
  });
}

gg.setOptionsOpen = setOptionsOpen;
