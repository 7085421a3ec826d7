// Small helpers the runner's panels share: a button in the runner's style, a number written
// as the page writes numbers.

/** A button of class guide-runner__button and guide-runner__<action>; `extra`: attributes. */
export function button(label, action, extra = {}) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = `md-button guide-runner__button guide-runner__${action}`;
  element.textContent = label;
  for (const [key, value] of Object.entries(extra)) element.setAttribute(key, value);
  return element;
}

export function number(value) {
  return value.toLocaleString("en");
}
