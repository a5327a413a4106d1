// Sample apps from Kubernetes and Google Cloud tutorials. Sizes are compressed linux/amd64 and
// approximate (kubernetes-bootcamp:v1 = 83642968 bytes from a real kubelet event).
import type { RepositoryEntry } from '../types';
import { MiB, config, image, lines, serve, tcp } from './build';

const bootcampLogs = lines(300, 'stdout', 'Kubernetes Bootcamp App Started At: {{ts:iso}} | Running On:  {{hostname}} ', '');

/** The image's ENV (a node:6.3.1 base), as `kubectl exec ... -- env` shows it in the tutorial; the base has curl. */
const BOOTCAMP_ENV = ['NPM_CONFIG_LOGLEVEL=info', 'NODE_VERSION=6.3.1'];

/**
 * bootcampServer is the image's /server.js as `cat server.js` shows it in the tutorial (k8sim's
 * own rendering of the app: a Node http server on 8080 answering with the pod's hostname and its
 * version, logging its start).
 */
function bootcampServer(version: number): Record<string, string> {
  return {
    '/server.js': `var http = require('http');
var startedAt;
var hostname;
var requests = 0;

var handleRequest = function (request, response) {
  requests++;
  response.setHeader('Content-Type', 'text/plain');
  response.writeHead(200);
  response.end('Hello Kubernetes bootcamp! | Running on: ' + hostname + ' | v=${version}\\n');
  console.log('Running On:', hostname, '| Total Requests:', requests, '| App Uptime:', (new Date() - startedAt) / 1000, 'seconds', '| Log Time:', new Date());
};

http.createServer(handleRequest).listen(8080, function () {
  startedAt = new Date();
  hostname = process.env.HOSTNAME;
  console.log('Kubernetes Bootcamp App Started At:', startedAt, '| Running On: ', hostname, '\\n');
});
`,
  };
}

export const KUBERNETES_BOOTCAMP: RepositoryEntry = {
  name: 'gcr.io/google-samples/kubernetes-bootcamp',
  aliases: [{ name: 'docker.io/jocatalin/kubernetes-bootcamp' }],
  description: 'Node.js app of the Kubernetes Basics tutorial; port 8080, v2 answers "v=2"',
  images: [
    image(['v1'], 83_642_968, 13, config(['/bin/sh', '-c', 'node server.js'], [], tcp(8080), { env: BOOTCAMP_ENV, tools: ['curl'], files: bootcampServer(1) }), serve(tcp(8080), 28 * MiB, bootcampLogs, 400)),
    image(['v2'], 83_643_250, 13, config(['/bin/sh', '-c', 'node server.js'], [], tcp(8080), { env: BOOTCAMP_ENV, tools: ['curl'], files: bootcampServer(2) }), serve(tcp(8080), 28 * MiB, bootcampLogs, 400)),
  ],
};

export const HELLO_APP: RepositoryEntry = {
  name: 'gcr.io/google-samples/hello-app',
  description: 'Go "Hello, world!" web server from the GKE quickstarts; port 8080',
  images: ['1.0', '2.0'].map((tag, i) =>
    image([tag], 6_350_000 + i * 170_000, 3, config(['/hello-app'], [], tcp(8080)),
      serve(tcp(8080), 4 * MiB, lines(5, 'stderr', '{{ts:nginx}} Server listening on port 8080'), 20))),
};
