export function App() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-12 text-slate-900">
      <h1 className="text-3xl font-bold tracking-tight">NOC Claim Wizard</h1>
      <p className="mt-4 text-lg leading-relaxed">
        When a drug has no specific billing code, the claim uses an
        unclassified (&ldquo;not otherwise classified&rdquo;) code and must
        also describe the drug: its name, NDC, dose and units. This tool will
        walk front-desk billers through those details one step at a time and
        check them before the claim goes out. Everything you type stays in
        this browser; nothing is sent anywhere.
      </p>
      <p className="mt-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
        The step-by-step wizard is coming soon.
      </p>
    </main>
  )
}
