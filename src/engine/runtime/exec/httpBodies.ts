// What the tutorials' web servers answer on GET / (wget -qO- from inside a pod): the body is the
// image's, the hostname the answering pod's.
import type { ContainerLayer } from './layer';

/**
 * INDEX_FILES: the file a web server image answers GET / with, from its docroot (what a learner
 * edits with `kubectl exec ... -- sh -c 'echo hi > …/index.html'`).
 */
const INDEX_FILES: Array<[RegExp, string]> = [
  [/\/nginx[:@]/, '/usr/share/nginx/html/index.html'],
  [/\/httpd[:@]/, '/usr/local/apache2/htdocs/index.html'],
];

/** indexFileOf: the docroot index file of a web server image, or undefined. */
export function indexFileOf(image: string): string | undefined {
  return INDEX_FILES.find(([pattern]) => pattern.test(image))?.[1];
}

/**
 * servedBody is what a container answers on GET /: its docroot index as the container's files
 * hold it now (the writable layer over the image), else the image's built-in answer. nginx with
 * its index removed answers its 403 page (autoindex is off).
 */
export function servedBody(image: string, hostname: string, files: { layer?: ContainerLayer; imageFiles?: Readonly<Record<string, string>>; version?: string }): string {
  const index = indexFileOf(image);
  if (index && files.layer) {
    if (files.layer.hides(index)) return /\/nginx[:@]/.test(image) ? nginxError(403, 'Forbidden', files.version) : '';
    const written = files.layer.read(index);
    if (written !== undefined) return written;
  }
  return (index && files.imageFiles?.[index]) ?? httpBody(image, hostname);
}

/** nginxError is nginx's built-in error page (ngx_http_special_response.c). */
function nginxError(code: number, text: string, version = ''): string {
  return `<html>\r\n<head><title>${code} ${text}</title></head>\r\n<body>\r\n<center><h1>${code} ${text}</h1></center>\r\n<hr><center>nginx${version ? `/${version}` : ''}</center>\r\n</body>\r\n</html>\r\n`;
}

/**
 * httpBody is the built-in answer of an image without a docroot file (the tutorials' app servers);
 * empty when unknown. nginx's welcome page is a file of its image (registry/catalog/nginx.ts).
 */
function httpBody(image: string, hostname: string): string {
  if (/kubernetes-bootcamp:v2/.test(image)) return `Hello Kubernetes bootcamp! | Running on: ${hostname} | v=2\n`;
  if (/kubernetes-bootcamp/.test(image)) return `Hello Kubernetes bootcamp! | Running on: ${hostname} | v=1\n`;
  const hello = /hello-app:(\d+)\.(\d+)/.exec(image);
  if (hello) return `Hello, world!\nVersion: ${hello[1]}.${hello[2]}.0\nHostname: ${hostname}\n`;
  if (/\/agnhost[:@]/.test(image)) return `${hostname}`;
  if (/\/httpd[:@]/.test(image)) return '<html><body><h1>It works!</h1></body></html>\n';
  return '';
}
