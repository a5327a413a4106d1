import { expect, test } from '@playwright/test';
import { openTerminal } from './terminal';

test('kubectl exec -it opens a shell in the container until exit', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  const log = page.getByRole('log');
  await terminal.fill('kubectl run web --image=busybox:1.36 -- sleep 3600');
  await terminal.press('Enter');
  await expect(log).toContainText('pod/web created');
  await terminal.fill('kubectl wait --for=condition=Ready pod/web --timeout=60s');
  await terminal.press('Enter');
  await expect(log).toContainText('pod/web condition met', { timeout: 30_000 });

  await terminal.fill('kubectl exec -it web -- sh');
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('/ #');
  await expect(page.getByTestId('shell-hint')).toContainText('exec web');
  await terminal.fill('hostname && cat /etc/resolv.conf');
  await terminal.press('Enter');
  await expect(log).toContainText('/ # hostname && cat /etc/resolv.conf');
  await expect(log).toContainText(/web\nsearch default\.svc\.cluster\.local svc\.cluster\.local cluster\.local/);
  await terminal.fill('nslookup kubernetes.default.svc.cluster.local');
  await terminal.press('Enter');
  await expect(log).toContainText('Address: 10.96.0.1');
  // cd moves the shell (and its prompt); a file written there stays in the container.
  await terminal.fill('cd /tmp');
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('/tmp #');
  await terminal.fill('echo hello > note && ls && cat note');
  await terminal.press('Enter');
  await expect(log).toContainText(/note\nhello/);
  await page.screenshot({ path: test.info().outputPath('shell.png') });
  await terminal.fill('exit');
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('$');
  await expect(page.getByTestId('shell-hint')).toHaveCount(0);
});

test('the terminal runs the Kubernetes Basics tutorial: variables, kubectl proxy in the background, curl through it', async ({ page }) => {
  test.setTimeout(90_000);
  const { log, type } = await openTerminal(page);
  await type('kubectl create deployment kubernetes-bootcamp --image=gcr.io/google-samples/kubernetes-bootcamp:v1');
  await expect(log).toContainText('deployment.apps/kubernetes-bootcamp created');
  await type('kubectl rollout status deployment/kubernetes-bootcamp');
  await expect(log).toContainText('deployment "kubernetes-bootcamp" successfully rolled out', { timeout: 45_000 });
  await type(`export POD_NAME="$(kubectl get pods -o jsonpath='{.items[0].metadata.name}')"`);
  await type('echo Name of the Pod: $POD_NAME');
  await expect(log).toContainText(/Name of the Pod: kubernetes-bootcamp-[a-z0-9]+-[a-z0-9]{5}/);
  await type('kubectl proxy &');
  await expect(log).toContainText('Starting to serve on 127.0.0.1:8001');
  // node server.js listens 400 ms after the container starts (the catalog's readyAfterMs); the
  // pod has no readiness probe, so a curl typed within that window is refused, as on a real node.
  await type('sleep 1');
  await type('curl http://localhost:8001/api/v1/namespaces/default/pods/$POD_NAME:8080/proxy/');
  await expect(log).toContainText(/Hello Kubernetes bootcamp! \| Running on: kubernetes-bootcamp-\S+ \| v=1/);
  await type(`kubectl get pods | grep Running | awk '{print "ready=" $2}'`);
  await expect(log).toContainText('ready=1/1');
  await type('kill %1');
  await expect(log).toContainText('Terminated              kubectl proxy');
  await page.screenshot({ path: test.info().outputPath('tutorial.png') });
});

test('pasting a here-document runs it as one script', async ({ page }) => {
  await page.goto('/');
  const terminal = page.getByRole('textbox', { name: /Terminal/ });
  const log = page.getByRole('log');
  await terminal.focus();
  const script = 'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: pasted\ndata:\n  k: v\nEOF\n';
  await terminal.evaluate((input, text) => {
    const data = new DataTransfer();
    data.setData('text', text);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, script);
  await expect(log).toContainText('configmap/pasted created');
  await expect(terminal).toHaveValue('');
});

test('an open for loop waits at the > prompt, then runs with the node tools over ssh', async ({ page }) => {
  test.setTimeout(60_000);
  const { log, type } = await openTerminal(page);
  await type('for n in node-1 node-2');
  await expect(page.getByTestId('console-prompt')).toHaveText('>');
  await expect(page.getByTestId('console-pending')).toHaveText('$ for n in node-1 node-2');
  await type('do ssh $n systemctl is-active kubelet containerd');
  await type('done');
  await expect(page.getByTestId('console-prompt')).toHaveText('$');
  await expect(log).toContainText('active\nactive\nactive\nactive');
  await type('ssh node-1 crictl ps | head -1');
  await expect(log).toContainText(/CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD +NAMESPACE/);
  // Stopping containerd shows on node-1's card, and the node turns NotReady about 30 s later.
  await type('ssh node-1 systemctl stop containerd');
  await expect(page.locator('[data-node="node-1"] [data-testid="runtime-stopped"]')).toBeVisible();
  await expect(page.locator('[data-node="node-2"] [data-testid="runtime-stopped"]')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('loop.png') });
});

test('readline keys: Ctrl-R finds an earlier command, Ctrl-A/Ctrl-K edit the line, clear and Ctrl-L empty the screen', async ({ page }) => {
  const { terminal, log, type } = await openTerminal(page);
  await type('kubectl get nodes');
  await expect(log).toContainText('control-plane');
  await type('etcdctl member list');
  await expect(log).toContainText('etcd-1');

  // Ctrl-R: type part of an earlier command, Enter runs the match.
  await terminal.press('Control+r');
  await expect(page.getByTestId('console-prompt')).toHaveText('(reverse-i-search)`');
  await terminal.pressSequentially('get no');
  await expect(page.getByTestId('console-search')).toHaveText("': kubectl get nodes");
  await terminal.press('Enter');
  await expect(page.getByTestId('console-prompt')).toHaveText('$');
  await expect(log.getByText('$ kubectl get nodes')).toHaveCount(2);

  // Ctrl-A goes to the start of the line, Ctrl-K cuts from there to the end.
  await terminal.fill('kubectl get pods');
  await terminal.press('Control+a');
  await terminal.pressSequentially('time ');
  await expect(terminal).toHaveValue('time kubectl get pods');
  await terminal.press('Control+k');
  await expect(terminal).toHaveValue('time ');
  await terminal.fill('');

  await type('clear');
  await expect(log.getByText('$ kubectl get nodes')).toHaveCount(0);
  await type('kubectl get ns');
  await expect(log).toContainText('kube-system');
  await terminal.press('Control+l');
  await expect(log).not.toContainText('kube-system');
});
