/*
 * Search as you type: page titles under a search box while the visitor types.
 *
 * Enhances every <input data-search-suggest="/search/suggest/"> into an ARIA combobox with a
 * list of suggestions (WAI-ARIA Authoring Practices, "list autocomplete"). Without this script,
 * or if the suggestions cannot be fetched, the box is an ordinary search box and the form still
 * submits to the results page.
 */
(function () {
    "use strict";

    if (!("fetch" in window) || !("AbortController" in window)) {
        return;
    }

    var MIN_LENGTH = 2;
    var DELAY_MS = 200;
    var counter = 0;

    function enhance(input) {
        var endpoint = input.getAttribute("data-search-suggest");
        if (!endpoint || input.hasAttribute("aria-controls")) {
            return;
        }
        counter += 1;
        var listId = "search-suggestions-" + counter;

        var list = document.createElement("ul");
        list.id = listId;
        list.className = "search-suggest";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", "Suggested pages");
        list.hidden = true;

        var status = document.createElement("p");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");

        input.insertAdjacentElement("afterend", list);
        list.insertAdjacentElement("afterend", status);
        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listId);

        var options = [];
        var active = -1;
        var timer = null;
        var request = null;
        var lastQuery = "";

        function close() {
            list.hidden = true;
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function setActive(index) {
            options.forEach(function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            active = index;
            if (index >= 0) {
                input.setAttribute("aria-activedescendant", options[index].id);
                options[index].scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function render(results) {
            list.textContent = "";
            options = results.map(function (result, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "search-suggest__option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.setAttribute("data-url", result.url);

                var title = document.createElement("span");
                title.className = "search-suggest__title";
                title.textContent = result.title;
                option.appendChild(title);
                if (result.type) {
                    var type = document.createElement("span");
                    type.className = "search-suggest__type";
                    type.textContent = result.type;
                    option.appendChild(type);
                }
                option.addEventListener("mousedown", function (event) {
                    // Before the input loses focus and closes the list.
                    event.preventDefault();
                    window.location.assign(result.url);
                });
                list.appendChild(option);
                return option;
            });
            active = -1;
            if (options.length) {
                list.hidden = false;
                input.setAttribute("aria-expanded", "true");
                status.textContent =
                    options.length + (options.length === 1 ? " suggestion" : " suggestions") +
                    ". Use the up and down arrow keys to choose one.";
            } else {
                close();
                status.textContent = "";
            }
        }

        function fetchSuggestions(query) {
            if (request) {
                request.abort();
            }
            request = new AbortController();
            var url = endpoint + (endpoint.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
            fetch(url, { signal: request.signal, headers: { Accept: "application/json" } })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("Suggestions unavailable");
                    }
                    return response.json();
                })
                .then(function (data) {
                    if (input.value.trim() === query) {
                        render(Array.isArray(data.results) ? data.results : []);
                    }
                })
                .catch(function () {
                    // The box keeps working as a plain search box.
                    close();
                });
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            window.clearTimeout(timer);
            if (query.length < MIN_LENGTH) {
                lastQuery = "";
                close();
                return;
            }
            if (query === lastQuery) {
                return;
            }
            timer = window.setTimeout(function () {
                lastQuery = query;
                fetchSuggestions(query);
            }, DELAY_MS);
        });

        input.addEventListener("keydown", function (event) {
            var open = !list.hidden && options.length > 0;
            if (event.key === "ArrowDown" && open) {
                event.preventDefault();
                setActive(active + 1 < options.length ? active + 1 : 0);
            } else if (event.key === "ArrowUp" && open) {
                event.preventDefault();
                setActive(active > 0 ? active - 1 : options.length - 1);
            } else if (event.key === "Enter" && open && active >= 0) {
                event.preventDefault();
                window.location.assign(options[active].getAttribute("data-url"));
            } else if (event.key === "Escape" && open) {
                event.preventDefault();
                close();
            } else if (event.key === "Tab") {
                close();
            }
        });

        input.addEventListener("blur", function () {
            close();
        });
    }

    function init() {
        Array.prototype.forEach.call(document.querySelectorAll("input[data-search-suggest]"), enhance);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
