// <k8sim-player>: one script tag embeds a k8sim player in any page.
//   <script src="https://your-host/k8sim/k8sim-player.js"></script>
//   <k8sim-player scenario="rolling-update" view="rollout" lang="en" controls="minimal" autoplay height="480"></k8sim-player>
// Methods play(), pause(), seek(ms), setSpeed(x), load(scenario) send the player postMessage
// commands; the element fires k8sim-ready, k8sim-step, k8sim-ended and k8sim-error events.
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : window.location.href);
  var ATTRS = ['scenario', 'view', 'lang', 'controls', 'autoplay', 'speed', 'height', 'origins'];

  function K8simPlayer() {
    return Reflect.construct(HTMLElement, [], K8simPlayer);
  }
  K8simPlayer.prototype = Object.create(HTMLElement.prototype);
  K8simPlayer.prototype.constructor = K8simPlayer;
  Object.setPrototypeOf(K8simPlayer, HTMLElement);
  Object.defineProperty(K8simPlayer, 'observedAttributes', { get: function () { return ATTRS; } });

  K8simPlayer.prototype.connectedCallback = function () {
    if (!this.frame) {
      this.frame = document.createElement('iframe');
      this.frame.setAttribute('title', 'k8sim player');
      this.frame.setAttribute('loading', 'lazy');
      this.frame.style.border = '0';
      this.frame.style.width = '100%';
      this.frame.style.display = 'block';
      this.appendChild(this.frame);
      var self = this;
      this.onMessage = function (event) {
        if (event.source !== self.frame.contentWindow || !event.data || event.data.type !== 'k8sim') return;
        self.dispatchEvent(new CustomEvent('k8sim-' + event.data.event, { detail: event.data }));
      };
      window.addEventListener('message', this.onMessage);
    }
    this.render();
  };

  K8simPlayer.prototype.disconnectedCallback = function () {
    if (this.onMessage) window.removeEventListener('message', this.onMessage);
  };

  K8simPlayer.prototype.attributeChangedCallback = function () {
    if (this.frame) this.render();
  };

  K8simPlayer.prototype.render = function () {
    var params = new URLSearchParams();
    var self = this;
    ['scenario', 'view', 'lang', 'controls', 'speed', 'origins'].forEach(function (name) {
      var value = self.getAttribute(name);
      if (value !== null && value !== '') params.set(name, value);
    });
    if (this.hasAttribute('autoplay')) params.set('autoplay', '1');
    var src = new URL('embed/?' + params.toString(), base).href;
    if (this.frame.src !== src) this.frame.src = src;
    var height = this.getAttribute('height');
    this.frame.style.height = height && /^\d+$/.test(height) ? height + 'px' : height || '480px';
  };

  K8simPlayer.prototype.send = function (message) {
    message.type = 'k8sim';
    if (this.frame && this.frame.contentWindow) this.frame.contentWindow.postMessage(message, base.origin);
  };
  K8simPlayer.prototype.play = function () { this.send({ command: 'play' }); };
  K8simPlayer.prototype.pause = function () { this.send({ command: 'pause' }); };
  K8simPlayer.prototype.seek = function (ms) { this.send({ command: 'seek', ms: ms }); };
  K8simPlayer.prototype.setSpeed = function (speed) { this.send({ command: 'setSpeed', speed: speed }); };
  K8simPlayer.prototype.load = function (scenario) { this.send({ command: 'loadScenario', scenario: scenario }); };

  if (!customElements.get('k8sim-player')) customElements.define('k8sim-player', K8simPlayer);
})();
