// Live assembly page: a WebSocket to the SignalR hub (JSON hub protocol, no client library), and on each
// "changed" message the live fragment is fetched again over plain HTTP with the member's own rights.
// Without JavaScript, or if the socket fails, the page still works: the "Refresh" link reloads it.
(function () {
  "use strict";
  var box = document.getElementById("assembly-live");
  if (!box || !("WebSocket" in window)) return;
  var RS = "\u001e";
  var retries = 0;

  function refresh() {
    fetch(box.getAttribute("data-live-url"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) box.innerHTML = html; })
      .catch(function () { /* keep what is shown; the refresh link still works */ });
  }

  function connect() {
    var url = new URL(box.getAttribute("data-hub-url"), window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    var socket = new WebSocket(url.toString());
    socket.onopen = function () {
      retries = 0;
      socket.send(JSON.stringify({ protocol: "json", version: 1 }) + RS);
    };
    socket.onmessage = function (event) {
      String(event.data).split(RS).forEach(function (frame) {
        if (!frame) return;
        var message = JSON.parse(frame);
        if (message.type === undefined) box.setAttribute("data-live", "connected");   // the hub's handshake answer
        if (message.type === 1 && message.target === "changed") refresh();
        if (message.type === 7) socket.close();
      });
    };
    socket.onclose = function () {
      if (retries++ < 10) window.setTimeout(connect, Math.min(30000, 1000 * Math.pow(2, retries)));
    };
  }
  connect();
})();
