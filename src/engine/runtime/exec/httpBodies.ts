// What the tutorials' web servers answer on GET / (wget -qO- from inside a pod): the body is the
// image's, the hostname the answering pod's.

/** httpBody returns the response body of `image` serving as pod `hostname`; empty when unknown. */
export function httpBody(image: string, hostname: string): string {
  if (/kubernetes-bootcamp:v2/.test(image)) return `Hello Kubernetes bootcamp! | Running on: ${hostname} | v=2\n`;
  if (/kubernetes-bootcamp/.test(image)) return `Hello Kubernetes bootcamp! | Running on: ${hostname} | v=1\n`;
  const hello = /hello-app:(\d+)\.(\d+)/.exec(image);
  if (hello) return `Hello, world!\nVersion: ${hello[1]}.${hello[2]}.0\nHostname: ${hostname}\n`;
  if (/\/agnhost[:@]/.test(image)) return `${hostname}`;
  if (/\/httpd[:@]/.test(image)) return '<html><body><h1>It works!</h1></body></html>\n';
  if (/\/nginx[:@]/.test(image)) return NGINX_WELCOME;
  return '';
}

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;
