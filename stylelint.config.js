/** Stylelint for static/css: the standard rules, less the two that fight the site's style. */
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // Class names are BEM; a modifier may carry a stored value as it is (tag--in_development).
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9_]+(-[a-z0-9_]+)*)?$",
      { message: (selector) => `Class names are BEM: block__element--modifier (${selector})` },
    ],
    // Small variants (tags, menu icon states) read best as one rule to a line.
    "declaration-block-single-line-max-declarations": null,
    // Rules follow the page's sections; the focus style wins over them by specificity on purpose.
    "no-descending-specificity": null,
  },
};
