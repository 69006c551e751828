/* Small enhancements on top of pages that already work without JavaScript:
   the small-screen menu disclosure, the video facade and transcript links that seek the video. */
(function () {
    "use strict";

    var root = document.documentElement;
    root.classList.remove("no-js");
    root.classList.add("js");

    function initMenu() {
        var nav = document.querySelector(".main-nav");
        if (!nav) {
            return;
        }
        var toggle = nav.querySelector(".main-nav__toggle");
        var list = nav.querySelector(".main-nav__list");
        if (!toggle || !list) {
            return;
        }

        function setOpen(open) {
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
            nav.classList.toggle("main-nav--open", open);
        }

        toggle.hidden = false;
        setOpen(false);

        toggle.addEventListener("click", function () {
            setOpen(toggle.getAttribute("aria-expanded") !== "true");
        });

        nav.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                setOpen(false);
                toggle.focus();
            }
        });
    }

    /* The embed address starting at a moment: YouTube takes a start parameter, Vimeo a fragment. */
    function embedAt(src, seconds) {
        if (!seconds) {
            return src;
        }
        if (src.indexOf("player.vimeo.com") !== -1) {
            return src.split("#")[0] + "#t=" + seconds + "s";
        }
        return src + (src.indexOf("?") === -1 ? "?" : "&") + "start=" + seconds;
    }

    /* Nothing is requested from the video host until the visitor asks to play. */
    function playHostedVideo(facade, seconds) {
        var src = facade.getAttribute("data-embed-url");
        if (!src) {
            return null;
        }
        var frame = document.createElement("div");
        frame.className = "video__frame";
        var iframe = document.createElement("iframe");
        iframe.src = embedAt(src, seconds);
        iframe.title = facade.getAttribute("data-video-title") || "Video";
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        iframe.setAttribute("data-embed-url", src);
        frame.appendChild(iframe);
        facade.replaceWith(frame);
        iframe.focus();
        return iframe;
    }

    function initVideoFacades() {
        var facades = document.querySelectorAll("[data-video-facade]");
        Array.prototype.forEach.call(facades, function (facade) {
            var button = facade.querySelector(".video__play");
            if (!button) {
                return;
            }
            button.hidden = false;
            button.addEventListener("click", function () {
                playHostedVideo(facade);
            });
        });
    }

    function seekFile(player, seconds) {
        player.currentTime = seconds;
        player.scrollIntoView({ block: "center" });
        player.focus();
        var playing = player.play();
        if (playing && playing.catch) {
            playing.catch(function () {});
        }
    }

    function seekHosted(seconds) {
        var facade = document.querySelector("[data-video-facade]");
        if (facade) {
            return playHostedVideo(facade, seconds);
        }
        var iframe = document.querySelector(".video__frame iframe[data-embed-url]");
        if (iframe) {
            iframe.src = embedAt(iframe.getAttribute("data-embed-url"), seconds);
            iframe.focus();
        }
        return iframe;
    }

    /* A timed transcript paragraph's link plays the video on the page from that moment;
       without JavaScript it opens the file or the host's page at the same moment. */
    function initTranscriptSeek() {
        document.addEventListener("click", function (event) {
            var link = event.target.closest ? event.target.closest("[data-video-seek]") : null;
            if (!link) {
                return;
            }
            var seconds = parseInt(link.getAttribute("data-video-seek"), 10);
            if (isNaN(seconds)) {
                return;
            }
            var player = document.querySelector(".video__player");
            if (player) {
                event.preventDefault();
                seekFile(player, seconds);
                return;
            }
            var iframe = seekHosted(seconds);
            if (iframe) {
                event.preventDefault();
                iframe.scrollIntoView({ block: "center" });
            }
        });
    }

    function init() {
        initMenu();
        initVideoFacades();
        initTranscriptSeek();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
