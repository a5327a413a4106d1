export function App() {
  return (
    <main className="min-h-screen bg-slate-50 p-8 text-slate-900">
      <h1 className="text-2xl font-semibold">k8sim</h1>
      <p>Kubernetes v1.32, simulated in your browser.</p>
    </main>
  );
}
