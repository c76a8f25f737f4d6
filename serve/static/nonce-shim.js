// xterm.js makes <style> elements of its own; the page's CSP admits only those carrying its nonce, so
// every <style> made from here on is stamped with it at creation (before insertion, where it counts).
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="grade-nonce"]');
  var nonce = meta ? meta.getAttribute('content') : '';
  var create = Document.prototype.createElement;
  Document.prototype.createElement = function (name, options) {
    var el = create.call(this, name, options);
    if (String(name).toLowerCase() === 'style' && nonce) el.setAttribute('nonce', nonce);
    return el;
  };
})();
