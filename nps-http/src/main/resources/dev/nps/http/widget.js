/*
 * NPS in-app prompt widget. No dependencies. Include it where the signed-in user is:
 *   <script src="/nps/widget.js" data-base="/nps/" data-contact="c-42" data-ts="1767600000" data-sig="..."></script>
 * The host computes data-sig = hex(HMAC-SHA256(secret, contact + "\n" + ts)) on its server, never in the page.
 * Texts are set with textContent only, so nothing from the server is interpreted as HTML.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var base = script.getAttribute("data-base") || "./";
  var auth = {
    contact: script.getAttribute("data-contact"),
    ts: script.getAttribute("data-ts"),
    sig: script.getAttribute("data-sig")
  };
  function form(fields) {
    return Object.keys(fields).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(fields[k] == null ? "" : fields[k]);
    }).join("&");
  }
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text != null) { e.textContent = text; }
    return e;
  }
  function category(score) { return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor"; }

  fetch(base + "api/prompt?" + form(auth), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : { show: false }; })
    .then(function (p) {
      if (!p.show) { return; }
      var box = el("div");
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-label", p.question);
      box.className = "nps-widget";
      box.appendChild(el("p", p.question));
      var scores = el("div");
      var chosen = null;
      var follow = el("div");
      follow.hidden = true;
      var label = el("label");
      var comment = el("textarea");
      comment.rows = 3;
      comment.maxLength = 5000;
      follow.appendChild(label);
      follow.appendChild(comment);
      var send = el("button", p.labels.send);
      send.type = "button";
      follow.appendChild(send);
      for (var i = 0; i <= 10; i++) {
        (function (score) {
          var b = el("button", String(score));
          b.type = "button";
          b.setAttribute("aria-pressed", "false");
          b.addEventListener("click", function () {
            chosen = score;
            Array.prototype.forEach.call(scores.children, function (c) { c.setAttribute("aria-pressed", String(c === b)); });
            label.textContent = p.followUps[category(score)];
            follow.hidden = false;
          });
          scores.appendChild(b);
        })(i);
      }
      send.addEventListener("click", function () {
        if (chosen === null) { return; }
        send.disabled = true;
        fetch(base + "api/answer", {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: form({ contact: auth.contact, ts: auth.ts, sig: auth.sig, token: p.token, score: chosen, comment: comment.value })
        }).then(function (r) {
          if (r.ok) {
            box.textContent = "";
            box.appendChild(el("p", p.labels.thanks));
          } else {
            send.disabled = false;
          }
        });
      });
      box.appendChild(scores);
      box.appendChild(follow);
      document.body.appendChild(box);
    })
    .catch(function () { /* the prompt is optional: never break the host page */ });
})();
