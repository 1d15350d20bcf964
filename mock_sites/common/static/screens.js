/* One document per visit, as on the real single-page sites (…/#/mainList/organization):
   a same-origin link or form is fetched and its screen replaces the page, without a new
   document. The server answers such requests (header X-Screen-Swap) as it answers a browser,
   except that a redirect comes back as X-Screen-Location for this script to follow.
   While a screen is on its way, the old one stays painted (a page load shows no blank page
   either) but out of reach: inert, in a closed shadow root that no query can enter, so that
   nothing on it can be read or clicked as if it were the new screen. */
(function () {
  "use strict";
  var HEADER = { "X-Screen-Swap": "1" };

  var sameOrigin = function (url) { return url.origin === location.origin; };

  // The page's own rules, for the old screen inside the shadow root (built once per set of
  // style sheets: render() forgets it when they change).
  var sheet = null;
  var pageSheet = function () {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(Array.prototype.map.call(document.styleSheets, function (s) {
        try {
          return Array.prototype.map.call(s.cssRules, function (r) { return r.cssText; }).join("\n");
        } catch (e) { return ""; }  // a sheet still loading
      }).join("\n"));
    }
    return sheet;
  };

  // A modal dialog loses its top layer when moved; open it again where it now is.
  var reopen = function (dialogs) {
    dialogs.forEach(function (d) { if (d.open) { d.close(); } d.showModal(); });
  };

  var curtain = null;
  var drawCurtain = function () {
    if (curtain) { return; }
    var host = document.createElement("div");
    host.inert = true;
    var root = host.attachShadow({ mode: "closed" });
    root.adoptedStyleSheets = [pageSheet()];
    var modal = Array.prototype.filter.call(document.querySelectorAll("dialog"),
      function (d) { return d.matches(":modal"); });
    var x = window.scrollX, y = window.scrollY;
    root.append.apply(root, Array.prototype.slice.call(document.body.childNodes));
    document.body.appendChild(host);
    reopen(modal);
    window.scrollTo(x, y);
    curtain = { host: host, root: root, modal: modal };
    document.documentElement.setAttribute("aria-busy", "true");
  };
  var liftCurtain = function () {  // the request failed: the old screen comes back
    if (!curtain) { return; }
    var x = window.scrollX, y = window.scrollY;
    document.body.append.apply(document.body, Array.prototype.slice.call(curtain.root.childNodes));
    curtain.host.remove();
    reopen(curtain.modal);
    window.scrollTo(x, y);
    curtain = null;
    document.documentElement.removeAttribute("aria-busy");
  };

  // Scripts put in by innerHTML/DOMParser do not run: replace each by a fresh copy.
  var runScripts = function (root) {
    root.querySelectorAll("script").forEach(function (old) {
      var script = document.createElement("script");
      Array.prototype.forEach.call(old.attributes, function (a) { script.setAttribute(a.name, a.value); });
      script.async = false;
      script.textContent = old.textContent;
      old.replaceWith(script);
    });
  };

  // Same style sheets as the new screen's; true when that changed any.
  var syncStyles = function (doc) {
    var changed = false;
    var wanted = Array.prototype.map.call(doc.head.querySelectorAll("link[rel=stylesheet]"),
      function (l) { return l.href; });
    document.head.querySelectorAll("link[rel=stylesheet]").forEach(function (l) {
      if (wanted.indexOf(l.href) < 0) { l.remove(); changed = true; }
    });
    wanted.forEach(function (href) {
      if (!document.head.querySelector('link[rel=stylesheet][href="' + href + '"]')) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
        changed = true;
      }
    });
    return changed;
  };

  var render = function (html, url, push) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    if (push) { history.pushState(null, "", url); }
    else if (url !== location.href) { history.replaceState(null, "", url); }  // redirected
    document.title = doc.title;
    if (syncStyles(doc)) { sheet = null; }
    document.body.replaceWith(document.adoptNode(doc.body));
    runScripts(document.body);
    window.scrollTo(0, 0);
    var focus = document.body.querySelector("[autofocus]");
    if (focus) { focus.focus(); }
    curtain = null;
    document.documentElement.removeAttribute("aria-busy");
  };

  var failed = function () {
    liftCurtain();
    var main = document.querySelector("main") || document.body;
    var shown = document.getElementById("screens-failed");
    if (shown) { shown.remove(); }
    var box = document.createElement("div");
    box.id = "screens-failed";
    box.className = "flash flash-error";
    box.setAttribute("role", "alert");
    box.textContent = "网络连接失败，请检查网络后重试。";
    main.insertBefore(box, main.firstChild);
  };

  // GET when ``init`` ({method, body, from}) is absent; ``push`` adds a history entry (not when
  // going back/forward).
  var visit = function (url, init, push) {
    drawCurtain();
    var options = { credentials: "same-origin", headers: HEADER };
    if (init) { options.method = init.method; options.body = init.body; }
    fetch(url, options).then(function (response) {
      var next = response.headers.get("X-Screen-Location");
      if (next) {
        var target = new URL(next, url);
        if (sameOrigin(target)) { visit(target.href, null, push); } else { location.assign(target.href); }
        return null;
      }
      if ((response.headers.get("Content-Type") || "").indexOf("text/html") !== 0) {
        if (init) { failed(); } else { location.assign(url); }
        return null;
      }
      // A form's own answer (not a redirect) stays at the address it was sent from: 刷新 there
      // shows the screen again, where the action (…/decide, …/authorize) would refuse a GET.
      var address = init ? init.from : response.url;
      return response.text().then(function (html) { render(html, address, push); });
    }).catch(function () {
      if (init) { failed(); } else { location.assign(url); }
    });
  };

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
        || event.shiftKey || event.altKey) { return; }
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link || link.hasAttribute("download") || (link.target && link.target !== "_self")) { return; }
    var url = new URL(link.href, location.href);
    if (!sameOrigin(url) || (url.hash && url.pathname === location.pathname && url.search === location.search)) {
      return;
    }
    event.preventDefault();
    visit(url.href, null, true);
  });

  // The submitter's formaction/… win over the form's. Attributes, not properties: a field
  // named "action" (as on 注册账户) hides form.action.
  var formAttribute = function (form, submitter, name) {
    var own = submitter && submitter.getAttribute("form" + name);
    return own !== null && own !== undefined ? own : form.getAttribute(name);
  };

  // On window, so that the page's own submit handlers (on the form or the document) go first.
  window.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    var form = event.target;
    var submitter = event.submitter || null;
    var action = new URL(formAttribute(form, submitter, "action") || location.href, location.href);
    var method = (formAttribute(form, submitter, "method") || "get").toLowerCase();
    var target = formAttribute(form, submitter, "target");
    if (!sameOrigin(action) || (target && target !== "_self") || method === "dialog") { return; }
    event.preventDefault();
    var data = new FormData(form, submitter);
    if (method === "get") {
      action.search = new URLSearchParams(data).toString();
      visit(action.href, null, true);
    } else {
      var multipart = formAttribute(form, submitter, "enctype") === "multipart/form-data";
      var body = multipart ? data : new URLSearchParams(data);
      visit(action.href, { method: "POST", body: body, from: location.href }, true);
    }
  });

  window.addEventListener("popstate", function () { visit(location.href, null, false); });
})();
